import { db } from "~/db/db.server";
import type { LoginIdentifier } from "./identifier";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import { type SessionMeta, createSession, invalidateSession } from "./session.server";
import { clearLoginFailures, loginKeys, recordLoginFailure, throttledUntil } from "~/ops/throttle.server";

export type LoginOutcome = { ok: true; token: string; expiresAt: Date } | { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; until: Date };

/**
 * Checks throttling, then the password. Unknown accounts, wrong passwords and deactivated
 * accounts give the same answer (and cost the same time), so the form never reveals which
 * accounts exist. A successful login starts a new session and ends the one it replaces.
 */
export async function login(
  identifier: LoginIdentifier,
  password: string,
  meta: SessionMeta,
  previousSessionId?: string,
  now = new Date(),
): Promise<LoginOutcome> {
  const keys = loginKeys(identifier.value, meta.ip);
  const until = await throttledUntil(keys, now);
  if (until) return { ok: false, reason: "throttled", until };

  const user = await db().user.findUnique({
    where: identifier.kind === "email" ? { email: identifier.value } : { phone: identifier.value },
    select: { id: true, passwordHash: true, active: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !user.active || !valid) {
    await recordLoginFailure(keys, now);
    return { ok: false, reason: "invalid" };
  }
  await clearLoginFailures(keys);
  if (previousSessionId) await invalidateSession(previousSessionId);
  const session = await createSession(user.id, meta, now);
  return { ok: true, ...session };
}
