import { z } from "zod";
import { t } from "~/i18n/messages";
import { type FormResult, ID_PATTERN, echoValues, formDataToObject, issuesToErrors } from "./parse";

// Any zod message a schema did not set itself is still Vietnamese (never "Invalid input").
z.config({ customError: () => t("form.invalid") });

/** Common zod fields with Vietnamese messages (server only). Strings are trimmed and bounded. */
export function text(max = 200) {
  return z
    .string({ error: t("form.required") })
    .trim()
    .min(1, t("form.required"))
    .max(max, t("form.tooLong", { max }));
}

export function optionalText(max = 200) {
  return z
    .string({ error: t("form.invalid") })
    .trim()
    .max(max, t("form.tooLong", { max }))
    .optional()
    .transform((v) => (v ? v : undefined));
}

export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: t("form.invalidChoice") });
}

/** A positive integer id sent as text (`missing`: the message when the field is not sent at all). */
export function id(invalid = t("form.invalid"), missing = invalid) {
  return z.string({ error: missing }).regex(ID_PATTERN, invalid).transform(Number);
}

export function intInRange(min: number, max: number, message: string) {
  return z
    .string({ error: message })
    .trim()
    .regex(/^-?\d{1,6}$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
}

/** Every action parses its input here: FormData → plain object → zod, errors per field. */
export function parseFormData<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.output<S>> {
  const input = formDataToObject(formData);
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: issuesToErrors(result.error.issues), values: echoValues(input) };
}

/** A field that may be sent once or several times (checkboxes, multi-selects). */
export function many<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}
