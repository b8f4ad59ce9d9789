import { useEffect, useState } from "react";
import { t } from "~/i18n/messages";
import "~/i18n/quiz";
import { countdownText, thresholdCrossed } from "./countdown";

/**
 * The time left until the quiz's deadline, ticking every second. Rendered only once JavaScript
 * runs (the server's page keeps the fixed deadline); the polite live region speaks only when a
 * threshold of ./countdown.ts is crossed.
 */
export function QuizCountdown({ deadlineIso }: { deadlineIso: string }) {
  const deadline = Date.parse(deadlineIso);
  const [left, setLeft] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    let before: number | null = null;
    const tick = () => {
      const now = (deadline - Date.now()) / 1000;
      const at = before === null ? null : thresholdCrossed(before, now);
      if (at !== null) setAnnouncement(at === 0 ? t("quiz.countdown.over") : t("quiz.countdown.minutesLeft", { minutes: at / 60 }));
      before = now;
      setLeft(now);
      if (now <= 0) window.clearInterval(timer);
    };
    const first = window.setTimeout(tick, 0); // the first reading as soon as the page is interactive
    const timer = window.setInterval(tick, 1000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [deadline]);
  return (
    <>
      {left !== null ? (
        <p className="quiz-countdown" data-testid="quiz-countdown">
          {t("quiz.countdown", { time: countdownText(left) })}
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </>
  );
}
