/**
 * The phone's outbox (docs/decisions/0046): check-ins and quiz submissions the service worker keeps
 * in IndexedDB until the server has answered them, and sends with their idempotency key (now, on
 * Background Sync, and whenever a page asks). The page only talks to the worker
 * (app/offline/service-worker.js holds the store and the sending, once); without a controlling
 * worker `hasOutbox()` is false and the forms post as they always did.
 */
export type OutboxAnswer = { ok: boolean; message?: string; location?: string };
export type OutboxItem = {
  key: string;
  kind: "checkin" | "quiz";
  /** where the form is posted */
  url: string;
  /** the form's fields; the worker adds `sentAt` at each send */
  fields: [string, string][];
  /** when it was typed or answered, phone's clock */
  at: number;
  /** what the page shows of it (the code) */
  label: string;
  answer?: OutboxAnswer;
};

export const hasOutbox = () => typeof navigator !== "undefined" && !!navigator.serviceWorker?.controller;

function ask<T>(message: object): Promise<T> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => reject(new Error("the service worker did not answer")), 20_000);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(event.data as T);
    };
    navigator.serviceWorker.controller!.postMessage(message, [channel.port2]);
  });
}

/** Keeps the item and sends it; answers it with the server's answer, or as it was (waiting). */
export const queueItem = (item: OutboxItem) => ask<OutboxItem>({ type: "queue", item });
/** Sends what waits, then lists every item (answered or waiting). */
export const flushItems = () => ask<OutboxItem[]>({ type: "flush" });
export const forgetItem = (key: string) => ask<boolean>({ type: "forget", key });

export function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Asks the worker to send what waits — now, when the browser says it is online again, when the worker
 * reports a sync, and every half minute (a saturated network never goes "offline") — and reports this
 * page's items: each answered one once (then forgotten), and those still waiting. Returns the stop.
 */
export function watchOutbox(match: (item: OutboxItem) => boolean, onAnswered: (item: OutboxItem) => void, onWaiting: (items: OutboxItem[]) => void) {
  if (!hasOutbox()) return () => undefined;
  let alive = true;
  const handed = new Set<string>(); // two runs at once (online event, worker's message) see the same item
  const run = () =>
    flushItems()
      .then(async (all) => {
        const items = (all ?? []).filter(match);
        for (const item of items.filter((i) => i.answer && alive && !handed.has(i.key))) {
          handed.add(item.key);
          await forgetItem(item.key);
          onAnswered(item);
        }
        if (alive) onWaiting(items.filter((i) => !i.answer));
      })
      .catch(() => undefined);
  void run();
  const timer = window.setInterval(run, 30_000);
  window.addEventListener("online", run);
  navigator.serviceWorker.addEventListener("message", run);
  return () => {
    alive = false;
    window.clearInterval(timer);
    window.removeEventListener("online", run);
    navigator.serviceWorker.removeEventListener("message", run);
  };
}
