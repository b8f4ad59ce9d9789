/**
 * The in-app notifications (the bell): written in the transaction of the event that causes them,
 * read by their recipient only. The notifications issue grows this folder into an outbox.
 */
import { db } from "~/db/db.server";

import "~/i18n/attendance"; // the texts of every kind (server-only, so no page downloads them)
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { NOTIFICATION_TEXT, type NotificationKind, OPT_IN_KINDS } from "./kinds";

type Client = Pick<ReturnType<typeof db>, "notification">;

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
  // until the outbox's preferences let a person turn an opt-in kind on, nobody has
  const to = OPT_IN_KINDS.has(event.kind) ? [] : [...new Set(event.to)];
  if (!to.length) return;
  const key = `${event.kind}:${event.key}`; // one event may tell different people different things
  const told = await tx.notification.findMany({ where: { key, userId: { in: to } }, select: { userId: true } });
  const fresh = to.filter((id) => !told.some((n) => n.userId === id));
  if (!fresh.length) return;
  const text = t(NOTIFICATION_TEXT[event.kind], event.params);
  await tx.notification.createMany({ data: fresh.map((userId) => ({ userId, kind: event.kind, key, text, link: event.link })) });
}

/** The bell's number on every page (raw SQL: a Prisma count costs several times as much CPU). */
export async function unreadCount(userId: number): Promise<number> {
  const rows = await db().$queryRaw<{ n: number | bigint }[]>`
    SELECT COUNT(*) AS "n" FROM "Notification" WHERE "userId" = ${userId} AND "readAt" IS NULL`;
  return Number(rows[0].n);
}

/** A person's latest notifications, newest first (the list page). */
export function notificationsOf(userId: number, take = 100) {
  return db().notification.findMany({ where: { userId }, orderBy: { id: "desc" }, take });
}

export function markAllRead(userId: number, at = new Date()) {
  return db().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: at } });
}
