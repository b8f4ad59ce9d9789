/**
 * Notifications through the outbox (docs/decisions/0035). `notify()` writes, in the caller's transaction, the in-app
 * row (the bell: delivered by being written) and, when email is on and the person wants it, an EMAIL row in
 * `Delivery` that the outbox worker (./outbox.server.ts) sends. Each event tells each person once per channel.
 */
import { type Prisma, db } from "~/db/db.server";

import "~/i18n/attendance"; // the texts of every kind (server-only, so no page downloads them)
import { t } from "~/i18n/messages";
import "~/i18n/notifications";
import "~/i18n/officer";
import { EMAIL_OPT_IN } from "./choices";
import { emailEnabled } from "./email.server";
import { NOTIFICATION_TEXT, type NotificationKind } from "./kinds";
import { emailRecipients, optedIn } from "./preferences.server";

type Client = Prisma.TransactionClient;

/** What happened, to whom: `key` names the event, so telling the same event twice tells each person once. */
export type NotifyEvent = {
  kind: NotificationKind;
  key: string;
  to: readonly number[];
  params?: Record<string, string | number>;
  link: string;
};

/** One notification per recipient, in the caller's transaction (nothing when there is no one to tell). */
export async function notify(tx: Client, event: NotifyEvent) {
  const everyone = [...new Set(event.to)];
  const to = EMAIL_OPT_IN.has(event.kind) ? await optedIn(tx, everyone, event.kind) : everyone;
  if (!to.length) return;
  const key = `${event.kind}:${event.key}`; // one event may tell different people different things
  const told = await tx.notification.findMany({ where: { key, userId: { in: to } }, select: { userId: true } });
  const fresh = to.filter((id) => !told.some((n) => n.userId === id));
  if (!fresh.length) return;
  const text = t(NOTIFICATION_TEXT[event.kind], event.params);
  await tx.notification.createMany({ data: fresh.map((userId) => ({ userId, kind: event.kind, key, text, link: event.link })) });
  if (!emailEnabled()) return; // email is off: the bell is the only channel, no rows wait for a server that is not there
  const recipients = await emailRecipients(tx, fresh, event.kind);
  if (!recipients.length) return;
  const params = JSON.stringify(event.params ?? {});
  await tx.delivery.createMany({
    data: recipients.map((r) => ({ userId: r.userId, channel: "EMAIL", kind: event.kind, key, address: r.address, params, link: event.link })),
  });
}

/** A person's latest notifications, newest first (the list page). */
export function notificationsOf(userId: number, take = 100) {
  return db().notification.findMany({ where: { userId }, orderBy: { id: "desc" }, take });
}

export function markAllRead(userId: number, at = new Date()) {
  return db().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: at } });
}
