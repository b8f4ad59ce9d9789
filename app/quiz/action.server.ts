import { z } from "zod";
import { t } from "~/i18n/messages";
import "~/i18n/quiz";

/** The quiz page's intents; answers (`a.<questionId>`) pass through to `readAnswers`. */
export const quizActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.looseObject({ intent: z.literal("start") }),
    z.looseObject({
      intent: z.literal("submit"),
      token: z.string({ error: t("quiz.badToken") }).regex(/^[0-9a-f]{32}$/, t("quiz.badToken")),
    }),
  ],
  { error: t("modules.lesson.intentInvalid") },
);
