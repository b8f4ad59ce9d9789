import { allows } from "~/auth/access";
import { type Auth, notFound } from "~/auth/guard.server";
import { db } from "~/db/db.server";
import { attendancePermissions } from "./permissions";

/**
 * Object-level rule of every attendance page: a trainer of THIS course (CourseTrainer), or an
 * admin whose unit contains the course's unit. Anyone else gets a 404, as if it did not exist.
 */
const ADMIN_ONLY = { ...attendancePermissions.manageAttendance, roles: ["admin"] as const };

export function parseId(raw: string | undefined): number | null {
  return /^\d{1,9}$/.test(raw ?? "") ? Number(raw) : null;
}

export type ManagedCourse = { id: number; title: string; unitId: number; unitPath: string };

export async function managedCourse(auth: Auth, rawCourseId: string | undefined): Promise<ManagedCourse> {
  const id = parseId(rawCourseId);
  if (id === null) throw notFound();
  const course = await db().course.findUnique({
    where: { id },
    select: { id: true, title: true, unitId: true, unit: { select: { path: true } }, trainers: { where: { userId: auth.user.id }, select: { userId: true } } },
  });
  if (!course) throw notFound();
  const teaches = course.trainers.length > 0 && auth.user.grants.some((g) => g.role === "trainer");
  const admin = allows(auth.user.grants, ADMIN_ONLY, course.unit.path);
  if (!teaches && !admin) throw notFound();
  return { id: course.id, title: course.title, unitId: course.unitId, unitPath: course.unit.path };
}

/** The province subtree of a course (its unit path's root), where roster units are looked up. */
export function provincePath(unitPath: string): string {
  return `/${unitPath.split("/").filter(Boolean)[0]}/`;
}

export async function sessionOfCourse(courseId: number, rawSessionId: string | undefined) {
  const id = parseId(rawSessionId);
  if (id === null) throw notFound();
  const session = await db().classSession.findFirst({ where: { id, courseId } });
  if (!session) throw notFound();
  return session;
}
