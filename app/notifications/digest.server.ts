/**
 * The daily digest: for each person who turned it on (kind "digest", opt-in), one email a day listing their unread
 * notifications of the last 24 hours. It is queued as an outbox row like any email (keyed by the Vietnamese day, so
 * running twice a day queues it once) and sent by the outbox worker.
 */
import { db } from "~/db/db.server";
import { vnDay } from "~/i18n/format";
import { emailEnabled } from "./email.server";
import { emailRecipients } from "./preferences.server";
import type { DigestItem } from "./templates";

const DAY_MS = 86_400_000;
const MOST_ITEMS = 50;

/** Queues today's digests; returns how many were queued. */
export async function queueDigests(at = new Date()): Promise<number> {
  if (!emailEnabled()) return 0;
  const chose = await db().notificationPreference.findMany({ where: { kind: "digest", email: true }, select: { userId: true } });
  if (!chose.length) return 0;
  const key = `digest:${vnDay(at)}`;
  const since = new Date(at.getTime() - DAY_MS);
  let queued = 0;
  for (const { userId } of chose) {
    queued += await db().$transaction(async (tx) => {
      if (await tx.delivery.findUnique({ where: { userId_channel_key: { userId, channel: "EMAIL", key } } })) return 0;
      const [recipient] = await emailRecipients(tx, [userId], "digest");
      if (!recipient) return 0;
      const unread = await tx.notification.findMany({
        where: { userId, readAt: null, createdAt: { gte: since, lte: at } },
        orderBy: { id: "asc" },
        take: MOST_ITEMS,
      });
      if (!unread.length) return 0;
      const items: DigestItem[] = unread.map((n) => ({ text: n.text, link: n.link, at: n.createdAt.toISOString() }));
      await tx.delivery.create({
        data: {
          userId,
          channel: "EMAIL",
          kind: "digest",
          key,
          address: recipient.address,
          params: JSON.stringify({ items }),
          link: "/thong-bao",
          createdAt: at,
          nextAttemptAt: at,
        },
      });
      return 1;
    });
  }
  return queued;
}

/** For the job runner: once a day is enough; the key makes a second run the same day a no-op. */
export const digestJob = {
  name: "digest",
  everyMs: DAY_MS,
  run: async (at = new Date()) => {
    const queued = await queueDigests(at);
    return queued ? { queued } : null;
  },
};
