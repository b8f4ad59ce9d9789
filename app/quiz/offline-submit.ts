import type { addMessages, t as translate } from "~/i18n/messages";
import { quizOffline } from "~/i18n/vi/quiz-offline";
import { type OutboxItem, forgetItem, hasOutbox, queueItem, watchOutbox } from "~/offline/outbox";

/**
 * The quiz form on a phone with a poor network (docs/decisions/0046), loaded once the page is
 * interactive. Each answer is saved on the phone as it is chosen (localStorage, by quiz page and
 * attempt), so a reload or a dropped connection loses nothing; the draft goes once the attempt is
 * over. With a service worker in charge of the page, "Nộp bài" keeps the submission in the outbox
 * with the moment it was pressed and the attempt's token as its key, then sends it; without an
 * answer it waits and is sent when the network is back, and the page then opens the result.
 * Otherwise the form posts as it always did.
 */
/** What the page shows (texts of the catalogue). */
export type QuizOfflineView = { restored?: string; refused?: string; queued?: string };
type Show = (change: (view: QuizOfflineView) => QuizOfflineView) => void;

const draftKey = (path: string) => `ocop-quiz-draft:${path}`;

export function attachOfflineQuiz(
  form: HTMLFormElement | null,
  path: string,
  token: string | null,
  show: Show,
  i18n: { t: typeof translate; addMessages: typeof addMessages },
): () => void {
  // the page hands over its catalogue: importing it here would split the page's shared chunk in two
  i18n.addMessages(quizOffline);
  const t = i18n.t;
  const queuedText = (at: number) => t("quiz.offline.queued", { time: clock.format(at) });
  const key = draftKey(path);
  const draft = readDraft(key);
  if (draft && draft.token !== token) localStorage.removeItem(key); // that attempt is over
  const done = (location: string) => {
    localStorage.removeItem(key);
    window.location.assign(location); // the result page, loaded afresh
  };
  const stop = watchOutbox(
    (i) => i.kind === "quiz" && i.url === path,
    (item) => (item.answer?.ok && item.answer.location ? done(item.answer.location) : show((v) => ({ ...v, refused: t("quiz.offline.refused") }))),
    (waiting) => show((v) => ({ ...v, queued: waiting.length ? queuedText(waiting[0].at) : undefined })),
  );
  if (!form || !token) return stop;

  if (draft && draft.token === token && draft.fields.length) {
    for (const input of form.querySelectorAll<HTMLInputElement>('input[name^="a."]')) {
      const values = draft.fields.filter(([name]) => name === input.name).map(([, value]) => value);
      if (input.type === "radio" || input.type === "checkbox") input.checked = values.includes(input.value);
      else if (values.length) input.value = values[0];
    }
    show((v) => ({ ...v, restored: t("quiz.offline.restored") }));
  }

  const save = () => {
    const fields = [...new FormData(form)].filter(([name]) => name.startsWith("a.")).map(([name, value]) => [name, String(value)]);
    try {
      localStorage.setItem(key, JSON.stringify({ token, fields }));
    } catch {
      // storage full or refused: the answers are still on the page
    }
  };

  let direct = false;
  const submit = (event: SubmitEvent) => {
    if (!hasOutbox() || direct) return void (direct = false);
    event.preventDefault(); // before Remix's own handler, which then leaves the submission alone
    save();
    const at = Date.now();
    const fields = [...new FormData(form)].map(([name, value]): [string, string] => [name, String(value)]);
    const item: OutboxItem = { key: token, kind: "quiz", url: path, fields: [...fields, ["answeredAt", String(at)]], at, label: "" };
    void queueItem(item)
      .catch(() => item)
      .then(async ({ answer }) => {
        if (!answer) return show((v) => ({ ...v, queued: queuedText(at) }));
        await forgetItem(token);
        if (answer.ok && answer.location) done(answer.location);
        else {
          // refused (e.g. a number written the wrong way): the page's own post says why
          direct = true;
          form.requestSubmit();
        }
      });
  };

  form.addEventListener("change", save);
  form.addEventListener("input", save);
  form.addEventListener("submit", submit);
  return () => {
    stop();
    form.removeEventListener("change", save);
    form.removeEventListener("input", save);
    form.removeEventListener("submit", submit);
  };
}

const clock = new Intl.DateTimeFormat("vi-VN", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Asia/Ho_Chi_Minh" });
function readDraft(key: string): { token: string; fields: [string, string][] } | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as { token: string; fields: [string, string][] }) : null;
  } catch {
    return null;
  }
}
