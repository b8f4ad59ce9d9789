import type { QuestionResult } from "./grading";
import { itemStatistics } from "./item-stats";
import type { Quiz } from "./schema";

/** Trainer statistics for one quiz over a class, pure. */
export type LearnerAttempts = {
  id: number;
  enrolmentId: number;
  fullName: string;
  contact: string;
  unit: string;
  attempts: { status: string; percent: number | null; passed: boolean | null; submittedAt: Date | string | null; results: string | null }[];
};

export function classResults(quiz: Quiz, learners: LearnerAttempts[]) {
  const rows = learners.map((l) => {
    const graded = l.attempts.filter((a) => a.status === "SUBMITTED");
    const best = graded.reduce<number | null>((m, a) => (a.percent !== null && (m === null || a.percent > m) ? a.percent : m), null);
    const last = l.attempts.reduce<Date | null>((m, a) => (a.submittedAt && (!m || new Date(a.submittedAt) > m) ? new Date(a.submittedAt) : m), null);
    return {
      id: l.id,
      enrolmentId: l.enrolmentId,
      fullName: l.fullName,
      contact: l.contact,
      unit: l.unit,
      attempts: l.attempts.filter((a) => a.status !== "OPEN").length,
      best,
      passed: graded.some((a) => a.passed),
      last: last ? last.toISOString() : null,
    };
  });
  const attempted = rows.filter((r) => r.attempts > 0).length;
  const passed = rows.filter((r) => r.passed).length;
  const submitted = learners.flatMap((l) =>
    l.attempts.filter((a) => a.status === "SUBMITTED" && a.results).map((a) => JSON.parse(a.results!) as QuestionResult[]),
  );
  const questions = itemStatistics(quiz, submitted);
  return {
    rows,
    total: rows.length,
    attempted,
    passed,
    passRate: attempted ? Math.round((passed / attempted) * 1000) / 10 : 0,
    questions,
  };
}
