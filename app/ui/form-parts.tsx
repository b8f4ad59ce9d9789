import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Field } from "./form";

// Form pieces only officers' and account pages use: apart from form.tsx so learner pages do not load them.

/** A new password and its confirmation (sign-up, activation, the account page), both marked for password managers. */
export function NewPasswordFields({ name, labels, errors }: { name: string; labels: [string, string]; errors: Partial<Record<string, string>> }) {
  return (
    <>
      <Field label={labels[0]} name={name} type="password" required error={errors[name]} autoComplete="new-password" />
      <Field label={labels[1]} name={`${name}Confirm`} type="password" required error={errors[`${name}Confirm`]} autoComplete="new-password" />
    </>
  );
}

/** One button that posts an intent about one thing (remove, revoke, cancel…), inline in a list or a table. */
export function ActionButton({
  intent,
  id,
  children,
  label,
}: {
  intent: string;
  id: { name: string; value: string | number };
  children: ReactNode;
  label?: string;
}) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={id.name} value={id.value} />
      <button type="submit" className="button button--ghost" aria-label={label}>
        {children}
      </button>
    </Form>
  );
}
