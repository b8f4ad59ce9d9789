/**
 * The in-app notifications (the bell): written in the transaction of the event that causes them,
 * read by their recipient only. The notifications issue grows this folder into an outbox.
 */
import { db } from "~/db/db.server";

type Client = Pick<ReturnType<typeof db>, "notification">;

/** One notification per recipient, in the caller's transaction (nothing when there is no one to tell). */
export async function notify(tx: Client, userIds: readonly number[], text: string, link: string) {
  if (userIds.length) await tx.notification.createMany({ data: userIds.map((userId) => ({ userId, text, link })) });
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
