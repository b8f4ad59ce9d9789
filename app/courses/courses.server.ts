import { reachesNothing } from "~/access/access.server";
import { type Prisma, db } from "~/db/db.server";
import { isUniqueViolation } from "~/db/errors";

/** Courses within a scope (a fragment from app/access), newest first. */
export function coursesIn(where: Prisma.CourseWhereInput) {
  if (reachesNothing(where)) return Promise.resolve([]);
  return db().course.findMany({
    where,
    orderBy: { startsOn: "desc" },
    select: { id: true, code: true, title: true, startsOn: true, endsOn: true },
  });
}

/** Classes within a scope (a trainer's), with the size of each class and its enrolment code. */
export function classesIn(where: Prisma.CourseWhereInput) {
  if (reachesNothing(where)) return Promise.resolve([]);
  return db().course.findMany({
    where,
    orderBy: { startsOn: "desc" },
    select: {
      id: true,
      code: true,
      title: true,
      startsOn: true,
      endsOn: true,
      enrolmentCode: true,
      _count: { select: { enrolments: true } },
    },
  });
}

export function countCourses(where: Prisma.CourseWhereInput) {
  return reachesNothing(where) ? Promise.resolve(0) : db().course.count({ where });
}

/** An open course by its enrolment code (for self-registration). */
export function courseByEnrolmentCode(code: string, now = new Date()) {
  return db().course.findFirst({
    where: { enrolmentCode: code, endsOn: { gte: new Date(now.getTime() - 24 * 3600 * 1000) } },
    select: { id: true, title: true, unitId: true, unit: { select: { path: true } } },
  });
}

export type JoinOutcome = { ok: true; courseId: number } | { ok: false };

/** Enrols the signed-in person with an open class's enrolment code (their own choice, never a trainer's). */
export async function joinCourse(userId: number, code: string, now = new Date()): Promise<JoinOutcome> {
  const course = await courseByEnrolmentCode(code, now);
  if (!course) return { ok: false };
  const existing = await db().enrolment.findUnique({ where: { courseId_userId: { courseId: course.id, userId } }, select: { id: true } });
  if (!existing) {
    try {
      await db().enrolment.create({ data: { courseId: course.id, userId, createdAt: now } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // a double click: enrolled once
    }
  }
  return { ok: true, courseId: course.id };
}
