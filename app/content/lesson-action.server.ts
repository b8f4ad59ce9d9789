import { z } from "zod";
import { t } from "~/i18n/messages";

/**
 * What the lesson page's action accepts: mark the lesson done, or score the OCOP sheet posted without
 * JavaScript. A `.server` module because schemas live only there (docs/decisions/0019): Remix stubs it out
 * of the lesson's client chunk, which stays without zod.
 */
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
