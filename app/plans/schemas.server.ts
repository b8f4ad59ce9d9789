import { z } from "zod";
import { normalizeEmail, normalizePhone } from "~/auth/identifier";
import { choice, id, optionalText, text } from "~/forms/fields.server";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { OCOP_GROUPS, ORG_KINDS } from "./steps";

/** The action schemas of the plan pages (server only: zod stays out of the browser, see docs/decisions/0019). */

/** The form's fields, parsed the same way on both pages. */
export const ideaFields = {
  orgId: id(t("plans.idea.chooseProducerError")),
  title: text(200),
  ocopGroup: choice(OCOP_GROUPS),
  description: optionalText(1000),
  // a fresh key per form shown (see registerIdea): a resent form replays the first registration
  idempotencyKey: z
    .string({ error: t("form.invalid") })
    .regex(/^[0-9a-f-]{36}$/i, t("form.invalid"))
    .optional(),
};

/** Which registerIdea refusal goes where, in Vietnamese, with its HTTP status. */
export function ideaRefusal(outcome: { error: "outside" } | { error: "duplicate"; title: string }): { errors: Record<string, string>; status: 404 | 409 } {
  if (outcome.error === "duplicate") return { errors: { title: t("plans.idea.duplicate", { title: outcome.title }) }, status: 409 };
  return { errors: { orgId: t("plans.idea.orgOutside") }, status: 404 };
}

/** /y-tuong: an officer registers an idea for a producer. */
export const ideaSchema = z.object(ideaFields);

/** /phuong-an: a producer's organisation, idea and plan. */
export const planListActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("createOrg"), name: text(200), kind: choice(ORG_KINDS), address: text(300) }),
    z.object({ intent: z.literal("registerIdea"), ...ideaFields }),
    z.object({ intent: z.literal("createPlan"), ideaId: id() }),
  ],
  { error: t("form.invalidChoice") },
);

/** /phuong-an/:planId: consultants, submission and comments. */
const contactField = text(254).transform((v, ctx) => {
  const email = v.includes("@") ? normalizeEmail(v) : null;
  const phone = v.includes("@") ? null : normalizePhone(v);
  if (!email && !phone) {
    ctx.addIssue({ code: "custom", message: t("plans.invite.notConsultant") });
    return z.NEVER;
  }
  return { email: email ?? undefined, phone: phone ?? undefined };
});

/** A comment (or a reply) on one step of a plan: the producer's page and the appraiser's case page. */
export const commentIntent = z.object({
  intent: z.literal("comment"),
  step: z
    .string({ error: t("form.invalidChoice") })
    .regex(/^(1[0-2]|[1-9])$/, t("form.invalidChoice"))
    .transform(Number),
  parentId: id().optional(),
  body: text(2000),
});

export const planActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("invite"), contact: contactField }),
    z.object({ intent: z.literal("uninvite"), userId: id() }),
    z.object({ intent: z.literal("submit") }),
    commentIntent,
  ],
  { error: t("form.invalidChoice") },
);

/** /phuong-an/:planId/buoc/:step: what comes with the step's fields (their own parsing is steps.ts). */
const versionField = id(t("plans.err.version"));
export const stepMetaSchema = z.looseObject({
  intent: z.enum(["save", "autosave"], { error: t("form.invalidChoice") }),
  version: versionField,
  overwriteVersion: versionField.optional(),
});
