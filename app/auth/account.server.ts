import { db } from "~/db/db.server";
import { hashPassword, verifyPassword } from "./password.server";
import { invalidateUserSessions } from "./session.server";

/** Changing the password ends every other session of the user (the current one stays). */
export async function changePassword(userId: number, sessionId: string, current: string, next: string): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user?.passwordHash, current))) return false;
  const passwordHash = await hashPassword(next);
  await db().user.update({ where: { id: userId }, data: { passwordHash } });
  await invalidateUserSessions(userId, sessionId);
  return true;
}

/** Ends one of the user's own sessions; false when it is not theirs (or already gone): nothing happens. */
export async function revokeOwnSession(userId: number, sessionId: string): Promise<boolean> {
  const { count } = await db().session.deleteMany({ where: { id: sessionId, userId } });
  return count > 0;
}
