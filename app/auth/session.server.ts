import { db } from "~/db/db.server";
import type { Role, RoleGrant, UnitLevel } from "./roles";
import {
  generateSessionToken,
  sessionCookie,
  sessionExpiry,
  sessionIdFromToken,
  slidExpiry,
} from "./session-token";

export type AuthUser = {
  id: number;
  fullName: string;
  email: string | null;
  phone: string | null;
  unitId: number | null;
  grants: RoleGrant[];
};

export type SessionMeta = { userAgent: string; ip: string };

export async function createSession(userId: number, meta: SessionMeta, now = new Date()) {
  const token = generateSessionToken();
  const expiresAt = sessionExpiry(now);
  await db().session.create({
    data: {
      id: sessionIdFromToken(token),
      userId,
      expiresAt,
      createdAt: now,
      lastSeenAt: now,
      userAgent: meta.userAgent.slice(0, 300),
      ip: meta.ip.slice(0, 64),
    },
  });
  return { token, expiresAt };
}

/**
 * Looks the token up (one query with the user and their roles). Expired sessions and
 * deactivated users count as signed out. Returns a fresh cookie when the expiry slid.
 */
export async function validateSessionToken(token: string, secure: boolean, now = new Date()) {
  const id = sessionIdFromToken(token);
  const session = await db().session.findUnique({
    where: { id },
    include: { user: { include: { roles: { include: { unit: true } } } } },
  });
  if (!session) return null;
  if (session.expiresAt <= now || !session.user.active) {
    await db().session.deleteMany({ where: { id } });
    return null;
  }
  let refreshedCookie: string | undefined;
  const slid = slidExpiry(session.expiresAt, now);
  if (slid) {
    await db().session.update({ where: { id }, data: { expiresAt: slid, lastSeenAt: now } });
    refreshedCookie = sessionCookie(token, slid, secure);
  }
  const u = session.user;
  const user: AuthUser = {
    id: u.id,
    fullName: u.fullName,
    email: u.email,
    phone: u.phone,
    unitId: u.unitId,
    grants: u.roles.map((r) => ({
      role: r.role as Role,
      unitId: r.unitId,
      unitPath: r.unit.path,
      unitName: r.unit.name,
      unitLevel: r.unit.level as UnitLevel,
    })),
  };
  return { sessionId: id, user, refreshedCookie };
}

export async function invalidateSession(sessionId: string) {
  await db().session.deleteMany({ where: { id: sessionId } });
}

export async function invalidateUserSessions(userId: number, exceptSessionId?: string) {
  await db().session.deleteMany({
    where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
}

export function listUserSessions(userId: number, now = new Date()) {
  return db().session.findMany({
    where: { userId, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ip: true },
  });
}
