import { z } from "zod";
import { id, optionalText } from "~/forms/fields.server";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { parseDecimal } from "~/plans/money";
import { commentIntent } from "~/plans/schemas.server";
import { DECISIONS } from "./workflow";

/** The action schemas of the appraisal pages (server only: zod stays out of the browser, see docs/decisions/0019). */

/** /tham-dinh/:caseId: a decision or a comment on one step. */
export const caseActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("decide"),
      // no default decision: nothing chosen is refused at the field
      decision: z.enum(DECISIONS, { error: t("appraisal.err.decisionRequired") }),
      reason: optionalText(2000),
      revision: id(),
      version: id(),
      // the second step: the officer has seen the consequence
      confirm: z.literal("yes", { error: t("form.invalidChoice") }).optional(),
    }),
    commentIntent,
  ],
  { error: t("form.invalidChoice") },
);

/** /ket-qua-danh-gia: the council's official score of an approved product. */
export const resultSchema = z.object({
  planId: id(),
  score: z.string({ error: t("appraisal.result.invalid") }).transform((v, ctx) => {
    const n = parseDecimal(v);
    if (n === null || n < 0 || n > 100) {
      ctx.addIssue({ code: "custom", message: t("appraisal.result.invalid") });
      return z.NEVER;
    }
    return n;
  }),
});
