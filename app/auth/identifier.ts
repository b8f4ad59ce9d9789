import { z } from "zod";
import { t } from "~/i18n/messages";

/** Vietnamese mobile numbers: 10 digits starting 03/05/07/08/09, or the same after +84. */
const MOBILE = /^0[35789]\d{8}$/;

/** Accepts "0912 345 678", "0912.345.678", "+84912345678" and returns "0912345678", or null. */
export function normalizePhone(input: string): string | null {
  let digits = input.trim().replace(/[\s.\-()]/g, "");
  if (digits.startsWith("+84")) digits = "0" + digits.slice(3);
  return MOBILE.test(digits) ? digits : null;
}

export function normalizeEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return z.email().safeParse(email).success && email.length <= 254 ? email : null;
}

export type LoginIdentifier = { kind: "email"; value: string } | { kind: "phone"; value: string };

/** A login is an email (has "@") or a mobile number. */
export function parseIdentifier(input: string): LoginIdentifier | null {
  if (input.includes("@")) {
    const email = normalizeEmail(input);
    return email ? { kind: "email", value: email } : null;
  }
  const phone = normalizePhone(input);
  return phone ? { kind: "phone", value: phone } : null;
}

/** A trimmed text field turned into a normalised value, or the field's message when it cannot be. */
export function normalizedField<T>(normalize: (input: string) => T | null, message: string, max: number) {
  return z
    .string({ error: message })
    .trim()
    .max(max, message)
    .transform((v, ctx) => {
      const value = normalize(v);
      if (value === null) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return value;
    });
}

export const phoneField = normalizedField(normalizePhone, t("auth.phone.invalid"), 20);
export const emailField = normalizedField(normalizeEmail, t("auth.email.invalid"), 254);

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const newPasswordField = z
  .string()
  .min(PASSWORD_MIN, t("auth.password.tooShort", { min: PASSWORD_MIN }))
  .max(PASSWORD_MAX, t("auth.password.tooLong", { max: PASSWORD_MAX }));

/** An optional form field: empty means absent; anything else must pass `field` (its own message is kept). */
export function optional<T extends z.ZodType<unknown, string>>(field: T) {
  return z
    .string({ error: t("form.invalid") })
    .optional()
    .transform((v, ctx): z.output<T> | undefined => {
      if (v === undefined || v.trim() === "") return undefined;
      const parsed = field.safeParse(v);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
      return z.NEVER;
    });
}
