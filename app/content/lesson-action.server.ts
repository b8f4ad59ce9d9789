import { z } from "zod";
import { t } from "~/i18n/messages";

/** What the lesson page accepts: mark the lesson done, or score the OCOP sheet (kept server-side: zod stays out of the client bundle). */
export const lessonActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("complete") }),
    z.object({
      intent: z.literal("score"),
      A: z.string().max(20, t("modules.sheet.notNumber")).optional(),
      B: z.string().max(20, t("modules.sheet.notNumber")).optional(),
      C: z.string().max(20, t("modules.sheet.notNumber")).optional(),
    }),
  ],
  { error: t("modules.lesson.intentInvalid") },
);
