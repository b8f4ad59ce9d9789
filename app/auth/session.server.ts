import { hash } from "node:crypto";
import { db } from "~/db/db.server";
import { readRows } from "~/db/read.server";
import type { Role, RoleGrant, UnitLevel } from "./roles";
import { generateSessionToken, sessionCookie, sessionExpiry, slidExpiry } from "./session-token";

export type AuthUser = {
  id: number;
  fullName: string;
  email: string | null;
  phone: string | null;
  unitId: number | null;
  grants: RoleGrant[];
};

/** The id a session is stored under: the token's SHA-256 in hex (Node's native hash: every signed-in request makes one). */
export function sessionIdFromToken(token: string): string {
  return hash("sha256", token, "hex");
}

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

type SessionRow = {
  expiresAt: Date | string;
  userId: number;
  fullName: string;
  email: string | null;
  phone: string | null;
  unitId: number | null;
  active: boolean | number;
  role: string | null;
  roleUnitId: number | null;
  unitPath: string | null;
  unitName: string | null;
  unitLevel: string | null;
  unread: number | bigint;
};

/**
 * Looks the token up in ONE query (session ⋈ user ⟕ roles ⟕ units: portable SQL; every page
 * pays for it, and each Prisma relation load would be one more query). Expired sessions and
 * deactivated users count as signed out. Returns a fresh cookie when the expiry slid.
 * The bell's unread count rides along: every signed-in page shows it, and one query fewer per
 * page is worth more than the count's own cost (docs/decisions/0064).
 */
export async function validateSessionToken(token: string, secure: boolean, now = new Date()) {
  const id = sessionIdFromToken(token);
  const rows = await readRows<SessionRow>`
    SELECT s."expiresAt" AS "expiresAt", u."id" AS "userId", u."fullName" AS "fullName", u."email" AS "email",
           u."phone" AS "phone", u."unitId" AS "unitId", u."active" AS "active",
           r."role" AS "role", r."unitId" AS "roleUnitId", un."path" AS "unitPath", un."name" AS "unitName", un."level" AS "unitLevel",
           (SELECT COUNT(*) FROM "Notification" n WHERE n."userId" = u."id" AND n."readAt" IS NULL) AS "unread"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "RoleAssignment" r ON r."userId" = u."id"
    LEFT JOIN "Unit" un ON un."id" = r."unitId"
    WHERE s."id" = ${id}
    ORDER BY r."id"`;
  if (rows.length === 0) return null;
  const first = rows[0];
  const expiresAt = new Date(first.expiresAt);
  if (expiresAt <= now || !first.active) {
    await db().session.deleteMany({ where: { id } });
    return null;
  }
  let refreshedCookie: string | undefined;
  const slid = slidExpiry(expiresAt, now);
  if (slid) {
    await db().session.update({ where: { id }, data: { expiresAt: slid, lastSeenAt: now } });
    refreshedCookie = sessionCookie(token, slid, secure);
  }
  const user: AuthUser = {
    id: first.userId,
    fullName: first.fullName,
    email: first.email,
    phone: first.phone,
    unitId: first.unitId,
    grants: rows
      .filter((r) => r.role !== null && r.roleUnitId !== null)
      .map((r) => ({
        role: r.role as Role,
        unitId: Number(r.roleUnitId),
        unitPath: r.unitPath ?? "",
        unitName: r.unitName ?? "",
        unitLevel: r.unitLevel as UnitLevel,
      })),
  };
  return { sessionId: id, user, refreshedCookie, unread: Number(first.unread) };
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
