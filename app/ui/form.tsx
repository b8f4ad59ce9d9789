import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useId, useState } from "react";
import type { SerializeFrom } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import type { FieldErrors, FormValues } from "~/forms/parse";

/** A refused form as the page receives it (see `invalid` in app/forms/result.server.ts). */
type Refusal = { ok: false; errors: FieldErrors; values: FormValues };

/** What a page reads from its action: the success payload, or the errors and values of a refusal. */
export type ActionResult<R> = {
  success: Extract<R, { ok: true }> | undefined;
  failed: boolean;
  errors: FieldErrors;
  values: FormValues;
  /** The `detail` a refusal carried (`invalid(…, { detail })`). */
  detail: RefusalDetail<R> | undefined;
};

type RefusalDetail<R> = Extract<R, { ok: false }> extends { detail?: infer D } ? D : never;

const NO_ERRORS: FieldErrors = {};
const NO_VALUES: FormValues = {};

/** Reads an `ok`/`invalid` answer; also for a fetcher's `data`. */
export function readActionResult<R>(raw: R | undefined): ActionResult<R> {
  const answer = raw as { ok?: unknown } | undefined;
  if (answer?.ok === true) return { success: raw as Extract<R, { ok: true }>, failed: false, errors: NO_ERRORS, values: NO_VALUES, detail: undefined };
  if (answer?.ok === false) {
    const refusal = answer as Refusal & { detail?: RefusalDetail<R> };
    return { success: undefined, failed: true, errors: refusal.errors, values: refusal.values, detail: refusal.detail };
  }
  return { success: undefined, failed: false, errors: NO_ERRORS, values: NO_VALUES, detail: undefined };
}

/** The typed result of this route's action: `useActionResult<typeof action>()`. */
export function useActionResult<A>(): ActionResult<SerializeFrom<A>> {
  return readActionResult(useActionData<A>() as SerializeFrom<A> | undefined);
}

/**
 * A key for a form that must start empty after each successful submit (with JavaScript the browser
 * keeps what was typed; without it the page is rendered anew anyway): it changes with every new
 * success and stays put on a failure, so the typed values stay to be fixed.
 */
export function useSuccessKey(success: object | undefined): number {
  // state from the previous render, adjusted while rendering (react.dev: "storing information from previous renders")
  const [seen, setSeen] = useState<{ last: object | undefined; count: number }>({ last: success, count: success ? 1 : 0 });
  if (success === seen.last) return seen.count;
  const next = { last: success, count: seen.count + (success ? 1 : 0) };
  setSeen(next);
  return next.count;
}

type FieldShell = { label: string; error?: string; hint?: string; children: (ids: { id: string; describedBy?: string }) => ReactNode };

function Shell({ label, error, hint, children }: FieldShell) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, describedBy })}
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type InputProps = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string; hint?: string };

export function Field({ label, error, hint, ...input }: InputProps) {
  return (
    <Shell label={label} error={error} hint={hint}>
      {({ id, describedBy }) => <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />}
    </Shell>
  );
}

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; error?: string; hint?: string };

export function TextAreaField({ label, error, hint, ...input }: TextAreaProps) {
  return (
    <Shell label={label} error={error} hint={hint}>
      {({ id, describedBy }) => <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />}
    </Shell>
  );
}

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  options: { value: string; label: string }[];
};

export function SelectField({ label, error, hint, options, ...select }: SelectProps) {
  return (
    <Shell label={label} error={error} hint={hint}>
      {({ id, describedBy }) => (
        <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Shell>
  );
}

/**
 * A group of radios or checkboxes (or a quiz question's inputs): a fieldset whose legend names it,
 * with its hint and error wired to it through `aria-describedby`, as `Field` does for one input.
 */
export function FieldGroup({
  legend,
  error,
  hint,
  className,
  children,
}: {
  legend: ReactNode;
  error?: string;
  hint?: string;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={[className ?? "field", error ? "field--invalid" : ""].filter(Boolean).join(" ") || undefined} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

type ChoiceGroupProps = {
  legend: string;
  name: string;
  type: "checkbox" | "radio";
  options: { value: string; label: string }[];
  checked?: readonly string[];
  error?: string;
  hint?: string;
};

/** Checkboxes (several answers) or radios (one) for a list of options, in a `FieldGroup`. */
export function ChoiceGroup({ legend, name, type, options, checked = [], error, hint }: ChoiceGroupProps) {
  return (
    <FieldGroup legend={legend} error={error} hint={hint}>
      {options.map((o) => (
        <label key={o.value} className="check">
          <input type={type} name={name} value={o.value} defaultChecked={checked.includes(o.value)} /> {o.label}
        </label>
      ))}
    </FieldGroup>
  );
}

/** A form-level message (errors not tied to one field, or a success notice). */
export function FormMessage({ tone, children }: { tone: "error" | "success"; children: ReactNode }) {
  if (!children) return null;
  return (
    <p className={`notice notice--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </p>
  );
}
