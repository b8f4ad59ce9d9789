import { db } from "~/db/db.server";
import { Prisma } from "../../generated/prisma/client";
import { THROTTLE_WINDOW_MS, blockedUntil, loginBlockedUntil } from "./throttle";

/**
 * Every throttle of the application, over one table of hits keyed by (kind, key) (docs/decisions/0027):
 * failed logins, failed code guesses (check-in, activation, join, enrolment) and public lookups. The
 * counts live in the database so they hold across restarts and processes.
 */
type ThrottleKind = "login" | "guess" | "lookup";

const since = (now: Date, windowMs: number) => new Date(now.getTime() - windowMs);

/** Read before every login and check-in: one raw query (a model query would be compiled anew each time). */
async function hitTimes(kind: ThrottleKind, keys: string[], windowMs: number, now: Date) {
  const rows = await db().$queryRaw<{ key: string; createdAt: string | number | Date }[]>`
    SELECT "key", "createdAt" FROM "ThrottleHit"
    WHERE "kind" = ${kind} AND "key" IN (${Prisma.join(keys)}) AND "createdAt" > ${since(now, windowMs)}`;
  return (key: string) => rows.filter((r) => r.key === key).map((r) => new Date(r.createdAt));
}

/** Counts one hit on each key, pruning that key's hits that have left the window. */
async function recordHits(kind: ThrottleKind, keys: string[], windowMs: number, now: Date) {
  await db().$transaction([
    db().throttleHit.deleteMany({ where: { kind, key: { in: keys }, createdAt: { lte: since(now, windowMs) } } }),
    db().throttleHit.createMany({ data: keys.map((key) => ({ kind, key, createdAt: now })) }),
  ]);
}

// ── Logins (docs/decisions/0006-login-throttling.md) ──

/** The three counters of one login attempt: the account, the address, the account from that address. */
export function loginKeys(identifier: string, ip: string) {
  return { account: `login:${identifier}`, address: `ip:${ip}`, accountFromAddress: `login-ip:${identifier}@${ip}` };
}
export type LoginKeys = ReturnType<typeof loginKeys>;

/** The moment this login may be tried again, or null when a try is allowed now. */
export async function throttledUntil(keys: LoginKeys, now = new Date()): Promise<Date | null> {
  const times = await hitTimes("login", Object.values(keys), THROTTLE_WINDOW_MS, now);
  return loginBlockedUntil({ account: times(keys.account), address: times(keys.address), accountFromAddress: times(keys.accountFromAddress) }, now);
}

export async function recordLoginFailure(keys: LoginKeys, now = new Date()) {
  await recordHits("login", Object.values(keys), THROTTLE_WINDOW_MS, now);
}

/** A correct password clears the account's own counters (the address keeps its count). */
export async function clearLoginFailures(keys: LoginKeys) {
  await db().throttleHit.deleteMany({ where: { kind: "login", key: { in: [keys.account, keys.accountFromAddress] } } });
}

// ── Code guesses (check-in, activation, join and enrolment codes) ──

/** A hall of 200+ shares one IP, so the IP limit is much higher than the per-person one. */
export const GUESS_WINDOW_MS = 15 * 60 * 1000;
export const PERSON_LIMIT = 10;
export const IP_LIMIT = 200;

export type GuessKey = { key: string; limit: number };

export const personKey = (kind: string, who: string | number): GuessKey => ({ key: `${kind}-user:${who}`, limit: PERSON_LIMIT });
export const ipGuessKey = (kind: string, ip: string): GuessKey => ({ key: `${kind}-ip:${ip}`, limit: IP_LIMIT });

export async function guessBlockedUntil(keys: GuessKey[], now = new Date()): Promise<Date | null> {
  const times = await hitTimes(
    "guess",
    keys.map((k) => k.key),
    GUESS_WINDOW_MS,
    now,
  );
  let latest: Date | null = null;
  for (const k of keys) {
    const until = blockedUntil(times(k.key), now, k.limit, GUESS_WINDOW_MS);
    if (until && (!latest || until > latest)) latest = until;
  }
  return latest;
}

export async function recordGuessFailure(keys: GuessKey[], now = new Date()) {
  await recordHits(
    "guess",
    keys.map((k) => k.key),
    GUESS_WINDOW_MS,
    now,
  );
}

/** Hits are kept a day: longer than any throttle's window (15 minutes for logins and guesses, 10 for certificate lookups). */
export const THROTTLE_KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * The cleanup job: hits older than every window go (a key tried once is never pruned by a next
 * hit of its own). Returns how many went.
 */
export async function pruneThrottleHits(at: Date): Promise<number> {
  const { count } = await db().throttleHit.deleteMany({ where: { createdAt: { lt: new Date(at.getTime() - THROTTLE_KEEP_MS) } } });
  return count;
}

// ── Public lookups ──

/** A sliding-window limit on one key: false (and nothing counted) once `limit` hits are in the window. */
export async function takeRateLimit(key: string, limit: number, windowMs: number, now = new Date()): Promise<boolean> {
  const hits = await db().throttleHit.count({ where: { kind: "lookup", key, createdAt: { gt: since(now, windowMs) } } });
  if (hits >= limit) return false;
  await recordHits("lookup", [key], windowMs, now);
  return true;
}
