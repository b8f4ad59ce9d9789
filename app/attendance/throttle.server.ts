import { blockedUntil } from "~/auth/throttle";
import { db } from "~/db/db.server";

/**
 * Throttling of guesses (check-in codes, activation codes): failures counted per key within a
 * window. A hall of 200+ shares one IP, so the IP limit is much higher than the per-person one.
 */
export const GUESS_WINDOW_MS = 15 * 60 * 1000;
export const PERSON_LIMIT = 10;
export const IP_LIMIT = 200;

export type GuessKey = { key: string; limit: number };

export const personKey = (kind: string, who: string | number): GuessKey => ({ key: `${kind}-user:${who}`, limit: PERSON_LIMIT });
export const ipGuessKey = (kind: string, ip: string): GuessKey => ({ key: `${kind}-ip:${ip}`, limit: IP_LIMIT });

export async function guessBlockedUntil(keys: GuessKey[], now = new Date()): Promise<Date | null> {
  const rows = await db().attendanceGuess.findMany({
    where: { key: { in: keys.map((k) => k.key) }, createdAt: { gt: new Date(now.getTime() - GUESS_WINDOW_MS) } },
    select: { key: true, createdAt: true },
  });
  let latest: Date | null = null;
  for (const k of keys) {
    const until = blockedUntil(rows.filter((r) => r.key === k.key).map((r) => r.createdAt), now, k.limit, GUESS_WINDOW_MS);
    if (until && (!latest || until > latest)) latest = until;
  }
  return latest;
}

export async function recordGuessFailure(keys: GuessKey[], now = new Date()) {
  await db().$transaction([
    db().attendanceGuess.deleteMany({ where: { key: { in: keys.map((k) => k.key) }, createdAt: { lte: new Date(now.getTime() - GUESS_WINDOW_MS) } } }),
    db().attendanceGuess.createMany({ data: keys.map((k) => ({ key: k.key, createdAt: now })) }),
  ]);
}
