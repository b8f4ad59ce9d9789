import { z } from "zod";
import { emailField, newPasswordField, optional, phoneField } from "~/auth/schemas.server";
import { ROLES } from "~/auth/roles";
import { choice, id, many, optionalText, text } from "~/forms/fields.server";
import { t } from "~/i18n/messages";
import "~/i18n/officer";

export const createUserSchema = z
  .object({
    fullName: text(120),
    email: optional(emailField),
    phone: optional(phoneField),
    password: newPasswordField,
    unitId: id(),
    position: optionalText(120),
    roles: many(choice(ROLES)).refine((r) => r.length > 0, t("form.required")),
  })
  .refine((v) => v.email || v.phone, { path: ["email"], message: t("admin.users.contactRequired") });

export const addRoleSchema = z.object({ intent: z.literal("addRole"), role: choice(ROLES), unitId: id() });
export const removeRoleSchema = z.object({ intent: z.literal("removeRole"), assignmentId: id() });
export const setActiveSchema = z.object({ intent: z.literal("setActive"), active: z.enum(["true", "false"]).transform((v) => v === "true") });

export const editProfileSchema = z
  .object({ intent: z.literal("editProfile"), fullName: text(120), email: optional(emailField), phone: optional(phoneField), unitId: id() })
  .refine((v) => v.email || v.phone, { path: ["phone"], message: t("admin.users.contactRequired") });
export const resetPasswordSchema = z.object({ intent: z.literal("resetPassword") });

export const userActionSchema = z.discriminatedUnion("intent", [addRoleSchema, removeRoleSchema, setActiveSchema, editProfileSchema, resetPasswordSchema], {
  error: t("form.invalidChoice"),
});
