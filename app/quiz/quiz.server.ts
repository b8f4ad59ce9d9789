import crypto from "node:crypto";
import { db } from "~/db/db.server";
import { isUniqueViolation } from "~/db/errors";
import { seededRandom } from "./draw";
import { allowance } from "./grants";
import { type Answers, type Grade, type Layout, type QuestionResult, gradeAttempt, inTime, makeLayout } from "./grading";
import { DEFAULT_OFFLINE_ALLOWANCE_MIN, MAX_OFFLINE_ALLOWANCE_MIN, type OfflineClaim, judgedAt } from "./offline";
import type { Quiz } from "./schema";
import { personContact } from "~/users/person-select";

/**
 * Attempts. One row is created when the learner starts (its random token is the idempotency key
 * of the submit); the submit grades on the server and closes the row with a conditional update,
 * so a double click or a resent form records one attempt. Attempts belong to the learner's enrolment
 * in one class (decision 0032): the attempts allowed, the results and the pass count in that class only.
 */
export type AttemptRow = {
  id: number;
  token: string;
  layout: string;
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  status: string;
  score: number | null;
  maxScore: number | null;
  percent: number | null;
  passed: boolean | null;
  results: string | null;
};

export function attemptsOf(enrolmentId: number, module: string): Promise<AttemptRow[]> {
  return db().quizAttempt.findMany({
    where: { enrolmentId, module },
    orderBy: { id: "asc" },
    select: {
      id: true,
      token: true,
      layout: true,
      startedAt: true,
      deadlineAt: true,
      submittedAt: true,
      status: true,
      score: true,
      maxScore: true,
      percent: true,
      passed: true,
      results: true,
    },
  });
}

/** The attempt that can still be answered (open and within the time limit), if any. */
export function openAttempt(attempts: AttemptRow[], now = new Date()): AttemptRow | null {
  return attempts.find((a) => a.status === "OPEN" && inTime(a.deadlineAt, now)) ?? null;
}

export type StartOutcome = { kind: "started" | "resumed"; attempt: AttemptRow } | { kind: "limit"; attemptsAllowed: number };

/** The trainer's grants to this enrolment at this quiz (app/quiz/grants.server.ts writes them). */
export function grantsOf(tx: Pick<ReturnType<typeof db>, "quizGrant">, enrolmentId: number, module: string) {
  return tx.quizGrant.findMany({ where: { enrolmentId, module }, select: { extraAttempts: true, extraMinutes: true } });
}

/**
 * Resumes the open attempt or starts a new one when attempts remain (every started attempt counts; grants add
 * attempts and minutes). The new attempt's draw is seeded by its token and avoids the learner's earlier questions.
 * No transaction: the new row takes the next number (one more than the attempts so far), unique per enrolment and
 * quiz, so of two starts at once one creates the attempt and the other reads again and resumes it (decision 0052).
 * A hall of 2,000 starting together then queues single inserts, not transactions that hold a connection (or
 * SQLite's one writer) across round trips.
 */
export async function startAttempt(enrolmentId: number, module: string, quiz: Quiz, now = new Date()): Promise<StartOutcome> {
  for (let tries = 0; ; tries++) {
    const [attempts, grants] = await Promise.all([
      db().quizAttempt.findMany({ where: { enrolmentId, module }, orderBy: { id: "asc" } }),
      grantsOf(db(), enrolmentId, module),
    ]);
    const open = openAttempt(attempts, now);
    if (open) return { kind: "resumed", attempt: open };
    const allowed = allowance(quiz, grants);
    if (attempts.length >= allowed.attemptsAllowed) return { kind: "limit", attemptsAllowed: allowed.attemptsAllowed };
    const token = crypto.randomBytes(16).toString("hex");
    const layout: Layout = makeLayout(
      quiz,
      seededRandom(token),
      attempts.map((a) => JSON.parse(a.layout) as Layout),
    );
    try {
      const attempt = await db().quizAttempt.create({
        data: {
          token,
          enrolmentId,
          module,
          number: attempts.length + 1,
          layout: JSON.stringify(layout),
          startedAt: now,
          deadlineAt: allowed.timeLimitMinutes ? new Date(now.getTime() + allowed.timeLimitMinutes * 60_000) : null,
        },
      });
      return { kind: "started", attempt };
    } catch (error) {
      // another start took this number first: read again (it is the open attempt to resume, or the last one allowed)
      if (!isUniqueViolation(error) || tries >= 2) throw error;
    }
  }
}

export type SubmitOutcome =
  { kind: "graded"; attemptId: number; grade: Grade } | { kind: "late"; attemptId: number } | { kind: "already"; attemptId: number } | { kind: "unknown" };

/**
 * Grades and closes the attempt with this token (only one of this enrolment), over the questions of its draw.
 * Submitting again, or concurrently, finds the row closed and returns it ("already"): one attempt, one grade.
 */
export async function submitAttempt(
  enrolmentId: number,
  module: string,
  token: string,
  quiz: Quiz,
  answers: Answers,
  now = new Date(),
  offline: OfflineClaim | null = null,
): Promise<SubmitOutcome> {
  const attempt = await db().quizAttempt.findFirst({
    where: { token, enrolmentId, module },
    select: { id: true, status: true, startedAt: true, deadlineAt: true, layout: true },
  });
  if (!attempt) return { kind: "unknown" };
  if (attempt.status !== "OPEN") return { kind: "already", attemptId: attempt.id };
  // answered on a phone without network: judged when it was answered, within the allowance (0046)
  if (!inTime(attempt.deadlineAt, judgedAt(attempt.startedAt, offline, now, offlineAllowanceMin()))) {
    // still open but past the limit + grace: the answers are not counted
    const late = await db().quizAttempt.updateMany({ where: { id: attempt.id, status: "OPEN" }, data: { status: "LATE", submittedAt: now, passed: false } });
    return late.count ? { kind: "late", attemptId: attempt.id } : { kind: "already", attemptId: attempt.id };
  }
  const grade = gradeAttempt(quiz, answers, JSON.parse(attempt.layout) as Layout);
  // the conditional update is what makes a double or concurrent submit record one grade
  const closed = await db().quizAttempt.updateMany({
    where: { id: attempt.id, status: "OPEN" },
    data: {
      status: "SUBMITTED",
      submittedAt: now,
      score: grade.score,
      maxScore: grade.max,
      percent: grade.percent,
      passed: grade.passed,
      results: JSON.stringify(grade.results),
    },
  });
  return closed.count ? { kind: "graded", attemptId: attempt.id, grade } : { kind: "already", attemptId: attempt.id };
}

/** `QUIZ_OFFLINE_ALLOWANCE_MIN`: how far back a phone may date a submission, 0–120 minutes (default 30). */
export function offlineAllowanceMin(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.QUIZ_OFFLINE_ALLOWANCE_MIN || DEFAULT_OFFLINE_ALLOWANCE_MIN);
  return Number.isFinite(n) ? Math.min(Math.max(n, 0), MAX_OFFLINE_ALLOWANCE_MIN) : DEFAULT_OFFLINE_ALLOWANCE_MIN;
}

export function parseResults(row: { results: string | null }): QuestionResult[] {
  return row.results ? (JSON.parse(row.results) as QuestionResult[]) : [];
}

/** Every enrolled learner of a course with their attempts at one module's quiz in THIS class. */
export async function classAttempts(courseId: number, module: string) {
  const enrolments = await db().enrolment.findMany({
    where: { courseId },
    select: {
      id: true,
      user: { select: { ...personContact, unit: { select: { name: true } } } },
      quizAttempts: { where: { module }, select: { status: true, percent: true, passed: true, submittedAt: true, results: true } },
    },
  });
  return enrolments.map(({ id, user, quizAttempts }) => ({
    id: user.id,
    enrolmentId: id,
    fullName: user.fullName,
    contact: user.phone ?? user.email ?? "",
    unit: user.unit?.name ?? "",
    attempts: quizAttempts,
  }));
}
