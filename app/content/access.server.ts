import { type Auth, notFound } from "~/auth/guard.server";
import { unitWithin } from "~/auth/access";
import { db } from "~/db/db.server";

export type CourseRelation = {
  course: { id: number; title: string; code: string; unitPath: string };
  enrolled: boolean;
  teaches: boolean;
  administers: boolean;
};

/** Parses a `$courseId` param; anything but a small positive integer is "not found". */
export function courseIdParam(raw: string | undefined): number {
  if (!raw || !/^\d{1,9}$/.test(raw)) throw notFound();
  return Number(raw);
}

/**
 * The signed-in user's relation to a course (one query). No relation at all → 404, so a course
 * a user has nothing to do with is indistinguishable from one that does not exist.
 */
export async function courseRelation(auth: Auth, courseId: number): Promise<CourseRelation> {
  const userId = auth.user.id;
  const course = await db().course.findUnique({
    where: { id: courseId },
    select: {
      id: true,
      title: true,
      code: true,
      unit: { select: { path: true } },
      enrolments: { where: { userId }, select: { id: true } },
      trainers: { where: { userId }, select: { userId: true } },
    },
  });
  if (!course) throw notFound();
  const roles = new Set(auth.user.grants.map((g) => g.role));
  const enrolled = course.enrolments.length > 0 && (roles.has("learner") || roles.has("producer"));
  const teaches = course.trainers.length > 0 && roles.has("trainer");
  const administers = auth.user.grants.some((g) => g.role === "admin" && unitWithin(course.unit.path, g.unitPath));
  if (!enrolled && !teaches && !administers) throw notFound();
  return { course: { id: course.id, title: course.title, code: course.code, unitPath: course.unit.path }, enrolled, teaches, administers };
}
