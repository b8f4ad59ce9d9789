import type { Auth } from "~/auth/guard.server";
import { allows } from "~/auth/access";
import { db } from "~/db/db.server";
import { certificatePermissions } from "./permissions";

/** May this user manage certificates of the course: its trainer, or an admin of a unit above it? */
export async function canManageCourse(auth: Auth, courseId: number): Promise<boolean> {
  const course = await db().course.findUnique({
    where: { id: courseId },
    select: { unit: { select: { path: true } }, trainers: { where: { userId: auth.user.id }, select: { userId: true } } },
  });
  if (!course) return false;
  if (course.trainers.length > 0 && allows(auth.user.grants, certificatePermissions.manage)) return true;
  return auth.user.grants.some((g) => g.role === "admin" && course.unit.path.startsWith(g.unitPath));
}
