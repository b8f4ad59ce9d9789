import { Prisma } from "../../generated/prisma/client";
import { db } from "~/db/db.server";
import type { CompletionFacts } from "./rule";

const ATTENDED = ["PRESENT", "LATE"];

/**
 * What the completion rule needs, for many learners of one course at once (three queries for a
 * class of any size): sessions held so far, sessions each learner attended, quizzes passed.
 */
export async function completionFacts(courseId: number, userIds: number[], now = new Date()): Promise<Map<number, CompletionFacts>> {
  const heldWhere = { courseId, status: { not: "CANCELLED" }, startsAt: { lte: now } };
  const [sessionsHeld, attended, passed] = await Promise.all([
    db().classSession.count({ where: heldWhere }),
    db().attendance.groupBy({
      by: ["userId"],
      where: { userId: { in: userIds }, status: { in: ATTENDED }, session: heldWhere },
      _count: { _all: true },
    }),
    db().quizAttempt.findMany({ where: { userId: { in: userIds }, passed: true }, select: { userId: true, module: true }, distinct: ["userId", "module"] }),
  ]);
  const facts = new Map<number, CompletionFacts>(userIds.map((id) => [id, { sessionsHeld, sessionsAttended: 0, passedModules: [] }]));
  for (const row of attended) facts.get(row.userId)!.sessionsAttended = row._count._all;
  for (const row of passed) facts.get(row.userId)?.passedModules.push(row.module);
  return facts;
}

/**
 * The same facts for ONE learner in every course they are enrolled in, keyed by course id, in one
 * query whatever the number of courses (the learner's home shows every course on each visit; one
 * `completionFacts` per course cost three queries each). Portable SQL: a row per enrolled course
 * with its counts, then a row per quiz module passed (those follow the learner across courses).
 */
export async function learnerCompletionFacts(userId: number, now = new Date()): Promise<Map<number, CompletionFacts>> {
  const rows = await db().$queryRaw<{ courseId: number | bigint | null; held: number | bigint | null; attended: number | bigint | null; module: string | null }[]>`
    SELECT e."courseId" AS "courseId",
      (SELECT COUNT(*) FROM "ClassSession" cs
        WHERE cs."courseId" = e."courseId" AND cs."status" <> 'CANCELLED' AND cs."startsAt" <= ${now}) AS "held",
      (SELECT COUNT(*) FROM "Attendance" a JOIN "ClassSession" cs ON cs."id" = a."sessionId"
        WHERE a."userId" = e."userId" AND a."status" IN (${Prisma.join(ATTENDED)})
          AND cs."courseId" = e."courseId" AND cs."status" <> 'CANCELLED' AND cs."startsAt" <= ${now}) AS "attended",
      NULL AS "module"
    FROM "Enrolment" e
    WHERE e."userId" = ${userId}
    UNION ALL
    SELECT DISTINCT NULL, NULL, NULL, qa."module" FROM "QuizAttempt" qa WHERE qa."userId" = ${userId} AND qa."passed" = ${true}`;
  const passedModules = rows.flatMap((r) => (r.module === null ? [] : [r.module]));
  const facts = new Map<number, CompletionFacts>();
  for (const r of rows) {
    if (r.courseId === null) continue;
    facts.set(Number(r.courseId), { sessionsHeld: Number(r.held), sessionsAttended: Number(r.attended), passedModules: [...passedModules] });
  }
  return facts;
}
