import { db } from "~/db/db.server";
import { type Done, QUIZ_STEP } from "./progress";
import { personContact } from "~/users/person-select";

/** Lessons a learner finished and quizzes they passed, as "done" steps (one query: the lesson page is hot). */
export async function doneSteps(userId: number): Promise<Done[]> {
  const rows = await db().$queryRaw<{ module: string; lesson: string; at: Date | string | null }[]>`
    SELECT lp."module" AS "module", lp."lesson" AS "lesson", lp."completedAt" AS "at" FROM "LessonProgress" lp WHERE lp."userId" = ${userId}
    UNION ALL
    SELECT qa."module" AS "module", ${QUIZ_STEP} AS "lesson", qa."submittedAt" AS "at" FROM "QuizAttempt" qa WHERE qa."userId" = ${userId} AND qa."passed" = ${true}`;
  return rows.map((r) => ({ module: r.module, lesson: r.lesson, at: r.at ? new Date(r.at) : new Date(0) }));
}

/** Marks a lesson done for a learner; doing it again changes nothing. */
export async function markLessonDone(userId: number, module: string, lesson: string, now = new Date()) {
  await db().lessonProgress.upsert({
    where: { userId_module_lesson: { userId, module, lesson } },
    create: { userId, module, lesson, completedAt: now },
    update: {},
  });
}

/**
 * Every enrolled learner of a course with their done steps (a constant number of queries) — those
 * since they joined THIS class (progress belongs to the person; the trainer sees their class).
 */
export async function classProgress(courseId: number) {
  const enrolments = await db().enrolment.findMany({
    where: { courseId },
    select: {
      createdAt: true,
      user: {
        select: {
          ...personContact,
          searchName: true,
          unit: { select: { name: true } },
          lessonProgress: { select: { module: true, lesson: true, completedAt: true } },
          quizAttempts: { where: { passed: true }, select: { module: true, submittedAt: true } },
        },
      },
    },
  });
  return enrolments.map(({ user, createdAt: since }) => ({
    id: user.id,
    fullName: user.fullName,
    contact: user.phone ?? user.email ?? "",
    unit: user.unit?.name ?? "",
    searchName: user.searchName,
    done: [
      ...user.lessonProgress.filter((l) => l.completedAt >= since).map((l) => ({ module: l.module, lesson: l.lesson, at: l.completedAt })),
      ...user.quizAttempts.filter((q) => q.submittedAt && q.submittedAt >= since).map((q) => ({ module: q.module, lesson: QUIZ_STEP, at: q.submittedAt! })),
    ] as Done[],
  }));
}
