import { Prisma } from "../../generated/prisma/client";
import { db } from "~/db/db.server";
import { learnerRates } from "~/attendance/report";
import type { CompletionFacts } from "./rule";

const ATTENDED = ["PRESENT", "LATE"];

/**
 * What the completion rule needs, for many learners of one course at once (four queries for a
 * class of any size): the sessions that count for each learner (taken, and enrolled by then, see
 * app/attendance/report.ts), how many of them they attended, quizzes passed in THIS class (decision 0032).
 */
export async function completionFacts(courseId: number, userIds: number[], now = new Date()): Promise<Map<number, CompletionFacts>> {
  const startedWhere = { courseId, status: { not: "CANCELLED" }, startsAt: { lte: now } };
  const [sessions, enrolments, marks, passed] = await Promise.all([
    db().classSession.findMany({ where: { ...startedWhere, attendances: { some: {} } }, select: { id: true, endsAt: true } }),
    db().enrolment.findMany({ where: { courseId, userId: { in: userIds } }, select: { id: true, userId: true, createdAt: true } }),
    db().attendance.findMany({ where: { userId: { in: userIds }, session: startedWhere }, select: { sessionId: true, userId: true, status: true } }),
    db().quizAttempt.findMany({
      where: { enrolment: { courseId, userId: { in: userIds } }, passed: true },
      select: { enrolmentId: true, module: true },
      distinct: ["enrolmentId", "module"],
    }),
  ]);
  const learners = enrolments.map((e) => ({ id: e.userId, enrolledAt: e.createdAt }));
  const facts = new Map<number, CompletionFacts>(
    learnerRates(sessions, learners, marks).map((r) => [r.id, { sessionsHeld: r.held, sessionsAttended: r.attended, passedModules: [] }]),
  );
  const learnerOf = new Map(enrolments.map((e) => [e.id, e.userId]));
  for (const row of passed) facts.get(learnerOf.get(row.enrolmentId)!)?.passedModules.push(row.module);
  return facts;
}

/**
 * The same facts for ONE learner in every course they are enrolled in, keyed by course id, in one
 * query whatever the number of courses (the learner's home shows every course on each visit; one
 * `completionFacts` per course cost three queries each). Portable SQL: a row per enrolled course
 * with its counts, then a row per course and quiz module passed in it.
 */
export async function learnerCompletionFacts(userId: number, now = new Date()): Promise<Map<number, CompletionFacts>> {
  const rows = await db().$queryRaw<{ courseId: number | bigint; held: number | bigint | null; attended: number | bigint | null; module: string | null }[]>`
    SELECT e."courseId" AS "courseId",
      (SELECT COUNT(*) FROM "ClassSession" cs
        WHERE cs."courseId" = e."courseId" AND cs."status" <> 'CANCELLED' AND cs."startsAt" <= ${now}
          AND EXISTS (SELECT 1 FROM "Attendance" t WHERE t."sessionId" = cs."id")
          AND (e."createdAt" <= cs."endsAt" OR EXISTS (SELECT 1 FROM "Attendance" m WHERE m."sessionId" = cs."id" AND m."userId" = e."userId"))) AS "held",
      (SELECT COUNT(*) FROM "Attendance" a JOIN "ClassSession" cs ON cs."id" = a."sessionId"
        WHERE a."userId" = e."userId" AND a."status" IN (${Prisma.join(ATTENDED)})
          AND cs."courseId" = e."courseId" AND cs."status" <> 'CANCELLED' AND cs."startsAt" <= ${now}) AS "attended",
      NULL AS "module"
    FROM "Enrolment" e
    WHERE e."userId" = ${userId}
    UNION ALL
    SELECT DISTINCT e."courseId", CAST(NULL AS INTEGER), CAST(NULL AS INTEGER), qa."module" FROM "QuizAttempt" qa JOIN "Enrolment" e ON e."id" = qa."enrolmentId"
    WHERE e."userId" = ${userId} AND qa."passed" = ${true}`;
  const facts = new Map<number, CompletionFacts>();
  for (const r of rows) {
    if (r.module === null) facts.set(Number(r.courseId), { sessionsHeld: Number(r.held), sessionsAttended: Number(r.attended), passedModules: [] });
  }
  for (const r of rows) if (r.module !== null) facts.get(Number(r.courseId))?.passedModules.push(r.module);
  return facts;
}
