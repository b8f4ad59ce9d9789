import type { z } from "zod";

/**
 * FormData → plain object, and zod issues → one message per field (`_form` holds the rest).
 * No zod at run time: the browser's autosave uses these too (the parsing is fields.server.ts).
 */
export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;
export type FormFailure = { ok: false; errors: FieldErrors; values: FormValues };
export type FormResult<T> = { ok: true; data: T } | FormFailure;

/** A database id as text: one to nine digits, so it always fits an Int (the one id parser, docs/decisions/0027). */
export const ID_PATTERN = /^\d{1,9}$/;

/** An id from a route param, a query parameter or a form field; null when it is not one. */
export function parseId(raw: string | number | null | undefined): number | null {
  const text = String(raw ?? "");
  return ID_PATTERN.test(text) ? Number(text) : null;
}

/** Field values echoed back to refill a form without JavaScript (never passwords, never huge). */
const ECHO_LIMIT = 2000;

// No form means a NUL character, and PostgreSQL's text cannot hold one (the insert would fail): it is dropped.

export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, raw] of formData.entries()) {
    if (typeof raw !== "string") continue; // files are read by the upload handlers only
    const value = raw.replaceAll("\u0000", "");
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

export function echoValues(input: Record<string, string | string[]>): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(input)) {
    if (/password/i.test(key)) continue;
    const text = Array.isArray(value) ? value.join("\n") : value;
    values[key] = text.slice(0, ECHO_LIMIT);
  }
  return values;
}

export function issuesToErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}
