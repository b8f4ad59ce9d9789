import { data } from "@remix-run/node";
import type { FieldErrors, FormFailure, FormValues } from "./parse";

/**
 * The two answers an action gives a form (read on the page with `useActionResult`, app/ui/form.tsx):
 * `ok(payload)` — done, with whatever the page shows next; `invalid(errors)` — refused, with a message
 * at each field and the values to refill. Redirects and thrown 403/404s stay plain Remix.
 * `status: 422` on `ok` is for a result that was worked out but blocks the next step (the roster
 * import's preview with errors): the page shows it in full, the status tells a script it failed.
 */
export function ok(): ReturnType<typeof data<{ ok: true }>>;
export function ok<T extends Record<string, unknown>>(payload: T, init?: { status: 200 | 422 }): ReturnType<typeof data<T & { ok: true }>>;
export function ok(payload: Record<string, unknown> = {}, init: { status: 200 | 422 } = { status: 200 }) {
  return data({ ...payload, ok: true as const }, init);
}

/** 400 for input that does not parse, 422 for input the rules refuse; the others keep their HTTP meaning. */
export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429;

/**
 * A refused form: the parse failure as it is, or errors by field name (`_form` for the whole form).
 * `detail` carries what the page needs to resolve the refusal (the other version of an edit conflict).
 */
export function invalid<D extends Record<string, unknown> = never>(
  errors: FieldErrors | FormFailure,
  options: { values?: FormValues; status?: RefusalStatus; detail?: D } = {},
) {
  const failure: { errors: FieldErrors; values: FormValues } = isFailure(errors) ? errors : { errors, values: {} };
  const refusal: { ok: false; errors: FieldErrors; values: FormValues; detail?: D } = {
    ok: false,
    errors: failure.errors,
    values: options.values ?? failure.values,
  };
  if (options.detail) refusal.detail = options.detail;
  return data(refusal, { status: options.status ?? 400 });
}

function isFailure(errors: FieldErrors | FormFailure): errors is FormFailure {
  return (errors as { ok?: unknown }).ok === false;
}
