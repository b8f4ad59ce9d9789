import { type CheckinQueueView, submitCheckin, watchCheckins } from "~/attendance/checkin-queue";
import { formatTime } from "~/i18n/format";

/**
 * The check-in page's only script (docs/decisions/0057): the page is a plain document that works as
 * it is, and this adds the phone's outbox (0046) to its form without React. Bundled on its own by
 * scripts/build-page-scripts.ts; the page names it in a script tag. Its texts come from the page
 * (the catalogue's templates, placeholders left in), so the script carries no catalogue.
 */
const outbox = document.querySelector<HTMLElement>("[data-checkin-outbox]");
if (outbox) enhance(outbox, document.querySelector<HTMLFormElement>("form[data-checkin]"));

function enhance(outbox: HTMLElement, form: HTMLFormElement | null) {
  const me = Number(outbox.dataset.learner);
  const texts = { queued: outbox.dataset.queued ?? "", sent: outbox.dataset.sent ?? "" };
  let view: CheckinQueueView = { sent: [], waiting: [] };
  let fieldError: string | undefined; // the outbox's own; a message the server rendered stays until the outbox has one

  const fill = (template: string, code: string, at: number) => template.replace("{code}", code).replace("{time}", formatTime(at));
  const notice = (className: string, role: string, text: string) => {
    const p = document.createElement("p");
    p.className = className;
    p.setAttribute("role", role);
    p.textContent = text;
    return p;
  };

  // What the server renders for the same state (app/routes/diem-danh.tsx): each sent item's answer, each waiting
  // item, and once checked in or queued, no form to tap again.
  const render = () => {
    const shown: HTMLElement[] = [];
    for (const item of view.sent) {
      const ok = !!item.answer?.ok;
      const text = `${fill(texts.sent, item.label, item.at)} ${item.answer?.message ?? ""}`.trim();
      shown.push(notice(`notice notice--${ok ? "success" : "error"}`, ok ? "status" : "alert", text));
    }
    for (const item of view.waiting) shown.push(notice("notice", "status", fill(texts.queued, item.label, item.at)));
    if (view.success) shown.push(notice("notice notice--success", "status", view.success));
    outbox.replaceChildren(...shown);
    const checkedIn = !!view.success || view.sent.some((item) => item.answer?.ok);
    if (!form) return;
    if (checkedIn || view.waiting.length > 0) (form.closest("[data-checkin-form]") ?? form).remove();
    else if (view.error !== fieldError) showFieldError(form, (fieldError = view.error));
  };
  const update = (change: (view: CheckinQueueView) => CheckinQueueView) => {
    view = change(view);
    render();
  };

  watchCheckins(me, update);
  form?.addEventListener("submit", (event) => {
    if (submitCheckin(form, me, update)) event.preventDefault();
  });
}

/** The code field's message, marked up as the page's Field renders one (app/ui/form.tsx). */
function showFieldError(form: HTMLFormElement, message: string | undefined) {
  const input = form.querySelector<HTMLInputElement>('input[name="code"]');
  const field = input?.closest<HTMLElement>(".field");
  if (!input || !field) return;
  const errorId = `${input.id}-error`;
  field.querySelector(".field__error")?.remove();
  field.classList.toggle("field--invalid", !!message);
  if (!message) {
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
    return;
  }
  const p = document.createElement("p");
  p.className = "field__error";
  p.id = errorId;
  p.setAttribute("role", "alert");
  p.textContent = message;
  field.append(p);
  input.setAttribute("aria-invalid", "true");
  input.setAttribute("aria-describedby", errorId);
  input.focus();
}
