import { z } from "zod";
import { text } from "~/forms/fields";
import { t } from "~/i18n/messages";
import { PASSWORD_MAX, emailField, newPasswordField, normalizedField, optional, parseIdentifier, phoneField } from "./identifier";
import { safeNext } from "./next";

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
  next: z.unknown().optional().transform((v) => safeNext(typeof v === "string" ? v : null)),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: t("form.required") }).min(1, t("form.required")).max(PASSWORD_MAX),
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
    unitId: z
      .string({ error: t("form.required") })
      .regex(/^\d{1,9}$/, t("form.invalidChoice"))
      .transform(Number),
    password: newPasswordField,
    passwordConfirm: z.string({ error: t("form.required") }).max(PASSWORD_MAX),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: t("auth.password.mismatch") });
