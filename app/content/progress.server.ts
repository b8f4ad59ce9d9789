import { db } from "~/db/db.server";
import { type Done, QUIZ_STEP } from "./progress";
import { personContact } from "~/users/person-select";

/**
 * Progress belongs to an enrolment (decision 0032): lessons finished and quizzes passed in one class
 * count in that class only, so a learner who takes next year's class starts fresh there.
 */

type DoneRow = { courseId?: number | bigint; module: string; lesson: string; at: Date | string | null };
const toDone = (r: DoneRow): Done => ({ module: r.module, lesson: r.lesson, at: r.at ? new Date(r.at) : new Date(0) });

/** Lessons finished and quizzes passed in one enrolment, as "done" steps (one query: the lesson page is hot). */
export async function doneSteps(enrolmentId: number): Promise<Done[]> {
  const rows = await db().$queryRaw<DoneRow[]>`
    SELECT lp."module" AS "module", lp."lesson" AS "lesson", lp."completedAt" AS "at" FROM "LessonProgress" lp WHERE lp."enrolmentId" = ${enrolmentId}
    UNION ALL
    SELECT qa."module" AS "module", ${QUIZ_STEP} AS "lesson", qa."submittedAt" AS "at" FROM "QuizAttempt" qa WHERE qa."enrolmentId" = ${enrolmentId} AND qa."passed" = ${true}`;
  return rows.map(toDone);
}

/** The done steps of every class the person is enrolled in, by course id (one query, for their home and catalogue). */
export async function doneStepsByCourse(userId: number): Promise<Map<number, Done[]>> {
  const rows = await db().$queryRaw<DoneRow[]>`
    SELECT e."courseId" AS "courseId", lp."module" AS "module", lp."lesson" AS "lesson", lp."completedAt" AS "at"
      FROM "LessonProgress" lp JOIN "Enrolment" e ON e."id" = lp."enrolmentId" WHERE e."userId" = ${userId}
    UNION ALL
    SELECT e."courseId" AS "courseId", qa."module" AS "module", ${QUIZ_STEP} AS "lesson", qa."submittedAt" AS "at"
      FROM "QuizAttempt" qa JOIN "Enrolment" e ON e."id" = qa."enrolmentId" WHERE e."userId" = ${userId} AND qa."passed" = ${true}`;
  const byCourse = new Map<number, Done[]>();
  for (const r of rows) {
    const courseId = Number(r.courseId);
    byCourse.set(courseId, [...(byCourse.get(courseId) ?? []), toDone(r)]);
  }
  return byCourse;
}

/** Marks a lesson done in an enrolment; doing it again changes nothing. */
export async function markLessonDone(enrolmentId: number, module: string, lesson: string, now = new Date()) {
  await db().lessonProgress.upsert({
    where: { enrolmentId_module_lesson: { enrolmentId, module, lesson } },
    create: { enrolmentId, module, lesson, completedAt: now },
    update: {},
  });
}

/** Every enrolled learner of a course with their done steps in THIS class (a constant number of queries). */
export async function classProgress(courseId: number) {
  const enrolments = await db().enrolment.findMany({
    where: { courseId },
    select: {
      user: { select: { ...personContact, searchName: true, unit: { select: { name: true } } } },
      lessonProgress: { select: { module: true, lesson: true, completedAt: true } },
      quizAttempts: { where: { passed: true }, select: { module: true, submittedAt: true } },
    },
  });
  return enrolments.map(({ user, lessonProgress, quizAttempts }) => ({
    id: user.id,
    fullName: user.fullName,
    contact: user.phone ?? user.email ?? "",
    unit: user.unit?.name ?? "",
    searchName: user.searchName,
    done: [
      ...lessonProgress.map((l) => ({ module: l.module, lesson: l.lesson, at: l.completedAt })),
      ...quizAttempts.map((q) => ({ module: q.module, lesson: QUIZ_STEP, at: q.submittedAt ?? new Date(0) })),
    ] as Done[],
  }));
}
