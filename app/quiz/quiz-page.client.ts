import { addMessages, t } from "~/i18n/messages";
import { countdownText, thresholdCrossed } from "./countdown";
import { type QuizOfflineView, attachOfflineQuiz } from "./offline-submit";

/**
 * The quiz page's only script (docs/decisions/0057): the page is a plain document whose form posts as it is; this
 * adds the countdown, the answers kept on the phone and the submission that waits for the network (./offline-submit.ts,
 * 0046), and stops a second tap on "Nộp bài" from sending the answers twice. Bundled on its own by
 * scripts/build-page-scripts.ts.
 */
const form = document.querySelector<HTMLFormElement>("form[data-quiz-path]");
const countdown = document.querySelector<HTMLElement>("[data-quiz-countdown]");
const path = form?.dataset.quizPath ?? document.querySelector<HTMLElement>("[data-quiz-page]")?.dataset.quizPage;
if (path) attachOfflineQuiz(form, path, form?.dataset.token ?? null, showOffline(), { t, addMessages });
if (countdown) tick(countdown);
if (form) {
  form.addEventListener("submit", (event) => {
    // after the outbox's own handler: a submission it kept is not a post of the page
    if (event.defaultPrevented) return;
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    setTimeout(() => button && (button.disabled = true)); // after the browser has read the form
  });
}

/** What the server renders for the same state: the restored note above the questions, the waiting or refused one below. */
function showOffline() {
  let view: QuizOfflineView = {};
  return (change: (view: QuizOfflineView) => QuizOfflineView) => {
    view = change(view);
    const restored = document.querySelector<HTMLElement>("[data-quiz-restored]");
    const status = document.querySelector<HTMLElement>("[data-quiz-status]");
    restored?.replaceChildren(...(view.restored ? [paragraph("muted", null, view.restored)] : []));
    status?.replaceChildren(
      ...(view.queued ? [paragraph("notice", "status", view.queued)] : []),
      ...(view.refused ? [paragraph("notice notice--error", "alert", view.refused)] : []),
    );
  };
}

function paragraph(className: string, role: string | null, text: string) {
  const p = document.createElement("p");
  p.className = className;
  if (role) p.setAttribute("role", role);
  p.textContent = text;
  return p;
}

/** The time left, every second; the live region speaks at the thresholds of ./countdown.ts only. */
function tick(box: HTMLElement) {
  const deadline = Date.parse(box.dataset.quizCountdown ?? "");
  const live = box.querySelector<HTMLElement>("[aria-live]");
  const shown = paragraph("quiz-countdown", null, "");
  shown.dataset.testid = "quiz-countdown";
  box.prepend(shown);
  let before: number | null = null;
  const update = () => {
    const now = (deadline - Date.now()) / 1000;
    const at = before === null ? null : thresholdCrossed(before, now);
    if (at !== null && live) {
      live.textContent = at === 0 ? (box.dataset.over ?? "") : (box.dataset.minutesLeft ?? "").replace("{minutes}", String(at / 60));
    }
    before = now;
    shown.textContent = (box.dataset.text ?? "").replace("{time}", countdownText(now));
    if (now <= 0) window.clearInterval(timer);
  };
  const timer = window.setInterval(update, 1000);
  update();
}
