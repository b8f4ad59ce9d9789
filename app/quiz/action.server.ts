import { z } from "zod";
import { t } from "~/i18n/messages";
import "~/i18n/quiz";

const epochMs = z
  .string()
  .regex(/^\d{12,14}$/, t("quiz.badToken"))
  .transform(Number);

/** The quiz page's intents; answers (`a.<questionId>`) pass through to `readAnswers`. */
export const quizActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.looseObject({ intent: z.literal("start") }),
    z.looseObject({
      intent: z.literal("submit"),
      token: z.string({ error: t("quiz.badToken") }).regex(/^[0-9a-f]{32}$/, t("quiz.badToken")),
      // a submission that waited on the phone (docs/decisions/0046): when it was answered and sent, phone's clock
      answeredAt: epochMs.optional(),
      sentAt: epochMs.optional(),
    }),
  ],
  { error: t("modules.lesson.intentInvalid") },
);
