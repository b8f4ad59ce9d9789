import { db } from "~/db/db.server";
import { IP_THROTTLE_LIMIT, THROTTLE_LIMIT, THROTTLE_WINDOW_MS, blockedUntil } from "./throttle";

export const loginKey = (identifier: string) => `login:${identifier}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** The latest moment any of the keys is locked until, or null when a try is allowed. */
export async function throttledUntil(keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await db().loginFailure.findMany({
    where: { key: { in: keys }, createdAt: { gt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } },
    select: { key: true, createdAt: true },
  });
  let latest: Date | null = null;
  for (const key of keys) {
    const limit = key.startsWith("ip:") ? IP_THROTTLE_LIMIT : THROTTLE_LIMIT;
    const until = blockedUntil(
      rows.filter((r) => r.key === key).map((r) => r.createdAt),
      now,
      limit,
    );
    if (until && (!latest || until > latest)) latest = until;
  }
  return latest;
}

export async function recordLoginFailure(keys: string[], now = new Date()) {
  await db().$transaction([
    db().loginFailure.deleteMany({
      where: { key: { in: keys }, createdAt: { lte: new Date(now.getTime() - THROTTLE_WINDOW_MS) } },
    }),
    db().loginFailure.createMany({ data: keys.map((key) => ({ key, createdAt: now })) }),
  ]);
}

export async function clearLoginFailures(key: string) {
  await db().loginFailure.deleteMany({ where: { key } });
}
