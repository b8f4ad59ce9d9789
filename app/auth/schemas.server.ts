import { z } from "zod";
import { id, text } from "~/forms/fields.server";
import { t } from "~/i18n/messages";
import { PASSWORD_MAX, PASSWORD_MIN, normalizeEmail, normalizePhone, parseIdentifier } from "./identifier";
import { safeNext } from "./next";
import { emailPreferencesSchema } from "~/notifications/schemas.server";

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

export const loginSchema = z.object({
  identifier: z
    .string({ error: t("form.required") })
    .trim()
    .min(1, t("form.required"))
    .pipe(normalizedField(parseIdentifier, t("auth.identifier.invalid"), 254)),
  password: z
    .string({ error: t("form.required") })
    .min(1, t("form.required"))
    .max(PASSWORD_MAX, t("auth.password.tooLong", { max: PASSWORD_MAX })),
  // Never refused: a bad `next` only means going home after login.
  next: z
    .unknown()
    .optional()
    .transform((v) => safeNext(typeof v === "string" ? v : null)),
});

const changePasswordSchema = z
  .object({
    intent: z.literal("password"),
    currentPassword: z
      .string({ error: t("form.required") })
      .min(1, t("form.required"))
      .max(PASSWORD_MAX),
    newPassword: newPasswordField,
    newPasswordConfirm: z.string({ error: t("form.required") }).max(PASSWORD_MAX),
  })
  .refine((v) => v.newPassword === v.newPasswordConfirm, {
    path: ["newPasswordConfirm"],
    message: t("auth.password.mismatch"),
  });

export const SELF_REGISTER_ROLES = ["learner", "producer"] as const;

export const registerSchema = z
  .object({
    code: text(20).transform((v) => v.toUpperCase()),
    fullName: text(120),
    phone: phoneField,
    email: optional(emailField),
    role: z.enum(SELF_REGISTER_ROLES, { error: t("form.invalidChoice") }),
    unitId: id(t("form.invalidChoice"), t("form.required")),
    password: newPasswordField,
    passwordConfirm: z.string({ error: t("form.required") }).max(PASSWORD_MAX),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: t("auth.password.mismatch") });
/** /tai-khoan: signing one of one's own sessions out. */
const revokeSchema = z.object({ intent: z.literal("revoke"), sessionId: z.string().regex(/^[0-9a-f]{64}$/, t("form.invalid")) });

/** /tai-khoan: its three forms, told apart by their `intent` field. */
export const accountActionSchema = z.discriminatedUnion("intent", [changePasswordSchema, revokeSchema, emailPreferencesSchema], {
  error: t("form.invalidChoice"),
});
