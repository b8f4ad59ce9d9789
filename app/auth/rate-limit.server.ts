import { db } from "~/db/db.server";

/**
 * A counter per key over a sliding window, stored in the database so it holds across restarts
 * (and processes). Returns false — and counts nothing — once `limit` hits are in the window.
 */
export async function takeRateLimit(key: string, limit: number, windowMs: number, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - windowMs);
  const hits = await db().rateHit.count({ where: { key, createdAt: { gt: since } } });
  if (hits >= limit) return false;
  await db().$transaction([
    db().rateHit.deleteMany({ where: { key, createdAt: { lte: since } } }),
    db().rateHit.create({ data: { key, createdAt: now } }),
  ]);
  return true;
}
