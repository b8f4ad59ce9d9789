import { db } from "~/db/db.server";

/** Courses a user is enrolled in, newest first. */
export function coursesOfLearner(userId: number) {
  return db().course.findMany({
    where: { enrolments: { some: { userId } } },
    orderBy: { startsOn: "desc" },
    select: { id: true, code: true, title: true, startsOn: true, endsOn: true },
  });
}

/** Courses a trainer runs, with the size of each class. */
export function coursesOfTrainer(userId: number) {
  return db().course.findMany({
    where: { trainers: { some: { userId } } },
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

/** An open course by its enrolment code (for self-registration). */
export function courseByEnrolmentCode(code: string, now = new Date()) {
  return db().course.findFirst({
    where: { enrolmentCode: code, endsOn: { gte: new Date(now.getTime() - 24 * 3600 * 1000) } },
    select: { id: true, title: true, unitId: true, unit: { select: { path: true } } },
  });
}
