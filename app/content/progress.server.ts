import { db } from "~/db/db.server";
import { readRows } from "~/db/read.server";
import { type Done, QUIZ_STEP } from "./progress";

/**
 * Progress belongs to an enrolment (decision 0032): lessons finished and quizzes passed in one class
 * count in that class only, so a learner who takes next year's class starts fresh there.
 */

type DoneRow = { courseId?: number | bigint; module: string; lesson: string; at: Date | string | null };
const toDone = (r: DoneRow): Done => ({ module: r.module, lesson: r.lesson, at: r.at ? new Date(r.at) : new Date(0) });

/** Lessons finished and quizzes passed in one enrolment, as "done" steps (one query: the lesson page is hot). */
export async function doneSteps(enrolmentId: number): Promise<Done[]> {
  const rows = await readRows<DoneRow>`
    SELECT lp."module" AS "module", lp."lesson" AS "lesson", lp."completedAt" AS "at" FROM "LessonProgress" lp WHERE lp."enrolmentId" = ${enrolmentId}
    UNION ALL
    SELECT qa."module" AS "module", ${QUIZ_STEP} AS "lesson", qa."submittedAt" AS "at" FROM "QuizAttempt" qa WHERE qa."enrolmentId" = ${enrolmentId} AND qa."passed" = ${true}`;
  return rows.map(toDone);
}

/** The done steps of every class the person is enrolled in, by course id (one query, for their home and catalogue). */
export async function doneStepsByCourse(userId: number): Promise<Map<number, Done[]>> {
  const rows = await readRows<DoneRow>`
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

/**
 * Every enrolled learner of a course with their done steps in THIS class: two flat queries (a class of
 * 250 learners reads some 1,000 rows here, where Prisma's nested reads cost most of the page).
 */
export async function classProgress(courseId: number) {
  const [learners, done] = await Promise.all([
    db().$queryRaw<
      {
        id: number | bigint;
        enrolmentId: number | bigint;
        fullName: string;
        phone: string | null;
        email: string | null;
        unit: string | null;
        searchName: string;
      }[]
    >`
      SELECT u."id" AS "id", e."id" AS "enrolmentId", u."fullName" AS "fullName", u."phone" AS "phone", u."email" AS "email", un."name" AS "unit", u."searchName" AS "searchName"
        FROM "Enrolment" e JOIN "User" u ON u."id" = e."userId" LEFT JOIN "Unit" un ON un."id" = u."unitId"
        WHERE e."courseId" = ${courseId} ORDER BY e."id"`,
    db().$queryRaw<(DoneRow & { enrolmentId: number | bigint })[]>`
      SELECT lp."enrolmentId" AS "enrolmentId", lp."module" AS "module", lp."lesson" AS "lesson", lp."completedAt" AS "at"
        FROM "LessonProgress" lp JOIN "Enrolment" e ON e."id" = lp."enrolmentId" WHERE e."courseId" = ${courseId}
      UNION ALL
      SELECT qa."enrolmentId" AS "enrolmentId", qa."module" AS "module", ${QUIZ_STEP} AS "lesson", qa."submittedAt" AS "at"
        FROM "QuizAttempt" qa JOIN "Enrolment" e ON e."id" = qa."enrolmentId" WHERE e."courseId" = ${courseId} AND qa."passed" = ${true}`,
  ]);
  const doneOf = new Map<number, Done[]>();
  for (const r of done) {
    const id = Number(r.enrolmentId);
    const list = doneOf.get(id);
    if (list) list.push(toDone(r));
    else doneOf.set(id, [toDone(r)]);
  }
  return learners.map((l) => ({
    id: Number(l.id),
    fullName: l.fullName,
    contact: l.phone ?? l.email ?? "",
    unit: l.unit ?? "",
    searchName: l.searchName,
    done: doneOf.get(Number(l.enrolmentId)) ?? [],
  }));
}
