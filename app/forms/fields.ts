import { z } from "zod";
import { t } from "~/i18n/messages";

/** Common zod fields with Vietnamese messages. Strings are trimmed and bounded. */
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

/** A positive integer id sent as text. */
export function id() {
  return z
    .string({ error: t("form.invalid") })
    .regex(/^\d{1,9}$/, t("form.invalid"))
    .transform(Number);
}

export function intInRange(min: number, max: number, message: string) {
  return z
    .string({ error: message })
    .trim()
    .regex(/^-?\d{1,6}$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
}
