import { type OutboxItem, forgetItem, hasOutbox, newKey, queueItem, watchOutbox } from "~/offline/outbox";
import { compactCode, isCodeOfLength } from "~/ops/codes";

/**
 * The check-in page's outbox (docs/decisions/0046), loaded after the page is interactive: with a
 * service worker in charge of the page, a check-in is kept on the phone first, then sent with its
 * key and the moment it was typed; without an answer it waits and is sent when the network is back.
 */
export type CheckinQueueView = { sent: OutboxItem[]; waiting: OutboxItem[]; success?: string; error?: string };
type Update = (change: (view: CheckinQueueView) => CheckinQueueView) => void;

const mine = (me: number) => (i: OutboxItem) => i.kind === "checkin" && i.fields.some(([k, v]) => k === "learner" && v === String(me));

export function watchCheckins(me: number, update: Update) {
  return watchOutbox(
    mine(me),
    (item) => update((v) => ({ ...v, sent: [...v.sent, item] })),
    (waiting) => update((v) => ({ ...v, waiting })),
  );
}

/** False when the form should post as it always did (no worker in charge of the page). */
export function submitCheckin(form: HTMLFormElement, me: number, update: Update): boolean {
  if (!hasOutbox()) return false;
  const data = new FormData(form);
  const code = compactCode(String(data.get("code") ?? ""));
  if (!isCodeOfLength(code, 6)) return false; // the page's own post names the mistake (checkin-code.ts: 6 characters)
  const at = Date.now();
  const key = newKey();
  const fields: [string, string][] = [
    ["code", code],
    ["buoi", String(data.get("buoi") ?? "")],
    ["key", key],
    ["typedAt", String(at)],
    ["learner", String(me)],
  ];
  const item: OutboxItem = { key, kind: "checkin", url: "/diem-danh/gui", fields, at, label: code };
  void queueItem(item)
    .catch(() => item)
    .then(async ({ answer }) => {
      if (!answer) return update((v) => ({ ...v, waiting: [...v.waiting, item], error: undefined }));
      await forgetItem(key);
      update((v) => ({ ...v, ...(answer.ok ? { success: answer.message, error: undefined } : { error: answer.message }) }));
    });
  return true;
}
