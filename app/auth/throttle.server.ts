import { db } from "~/db/db.server";
import { THROTTLE_WINDOW_MS, loginBlockedUntil } from "./throttle";

/** The three counters of one login attempt: the account, the address, the account from that address. */
export function loginKeys(identifier: string, ip: string) {
  return { account: `login:${identifier}`, address: `ip:${ip}`, accountFromAddress: `login-ip:${identifier}@${ip}` };
}
export type LoginKeys = ReturnType<typeof loginKeys>;

/** The moment this login may be tried again, or null when a try is allowed now. */
export async function throttledUntil(keys: LoginKeys, now = new Date()): Promise<Date | null> {
  const rows = await db().loginFailure.findMany({
    where: { key: { in: Object.values(keys) }, createdAt: { gt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } },
    select: { key: true, createdAt: true },
  });
  const times = (key: string) => rows.filter((r) => r.key === key).map((r) => r.createdAt);
  return loginBlockedUntil({ account: times(keys.account), address: times(keys.address), accountFromAddress: times(keys.accountFromAddress) }, now);
}

export async function recordLoginFailure(keys: LoginKeys, now = new Date()) {
  const all = Object.values(keys);
  await db().$transaction([
    db().loginFailure.deleteMany({ where: { key: { in: all }, createdAt: { lte: new Date(now.getTime() - THROTTLE_WINDOW_MS) } } }),
    db().loginFailure.createMany({ data: all.map((key) => ({ key, createdAt: now })) }),
  ]);
}

/** A correct password clears the account's own counters (the address keeps its count). */
export async function clearLoginFailures(keys: LoginKeys) {
  await db().loginFailure.deleteMany({ where: { key: { in: [keys.account, keys.accountFromAddress] } } });
}
