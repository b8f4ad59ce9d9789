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
