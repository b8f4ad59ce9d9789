import { t } from "~/i18n/messages";
import "~/i18n/quiz";

/**
 * Where the quiz page's script (./quiz-page.client.ts) shows the time left until the deadline,
 * ticking every second; the server's page keeps the fixed deadline for a phone without JavaScript.
 * The texts are the catalogue's, placeholders left in for the script. The polite live region speaks
 * only when a threshold of ./countdown.ts is crossed.
 */
export function QuizCountdown({ deadlineIso }: { deadlineIso: string }) {
  return (
    <div
      data-quiz-countdown={deadlineIso}
      data-text={t("quiz.countdown", { time: "{time}" })}
      data-minutes-left={t("quiz.countdown.minutesLeft", { minutes: "{minutes}" })}
      data-over={t("quiz.countdown.over")}
    >
      <p className="visually-hidden" aria-live="polite" aria-atomic="true" />
    </div>
  );
}
