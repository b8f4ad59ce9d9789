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
  // One query (portable SQL): the course, its unit path, and whether the user is enrolled / teaches it.
  const rows = await db().$queryRaw<{ id: number; title: string; code: string; path: string; enrolled: number | bigint | boolean; teaches: number | bigint | boolean }[]>`
    SELECT c."id" AS "id", c."title" AS "title", c."code" AS "code", un."path" AS "path",
      (SELECT COUNT(*) FROM "Enrolment" e WHERE e."courseId" = c."id" AND e."userId" = ${userId}) AS "enrolled",
      (SELECT COUNT(*) FROM "CourseTrainer" ct WHERE ct."courseId" = c."id" AND ct."userId" = ${userId}) AS "teaches"
    FROM "Course" c JOIN "Unit" un ON un."id" = c."unitId"
    WHERE c."id" = ${courseId}`;
  const course = rows[0];
  if (!course) throw notFound();
  const roles = new Set(auth.user.grants.map((g) => g.role));
  const enrolled = Number(course.enrolled) > 0 && (roles.has("learner") || roles.has("producer"));
  const teaches = Number(course.teaches) > 0 && roles.has("trainer");
  const administers = auth.user.grants.some((g) => g.role === "admin" && unitWithin(course.path, g.unitPath));
  if (!enrolled && !teaches && !administers) throw notFound();
  return { course: { id: Number(course.id), title: course.title, code: course.code, unitPath: course.path }, enrolled, teaches, administers };
}
