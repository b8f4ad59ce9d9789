import { remindDeadlines } from "~/appraisal/reminders.server";
import { sweepOverdue } from "~/appraisal/overdue.server";
import { warnAbsences } from "~/attendance/absence.server";
import { expireActivationCodes } from "~/attendance/activation.server";
import { remindLearnersOfSessionSoon, remindTrainersOfTomorrow } from "~/attendance/reminders.server";
import { digestJob } from "~/notifications/digest.server";
import { outboxJob } from "~/notifications/outbox.server";
import { closeEndedEnrolments } from "~/courses/manage.server";
import { pruneThrottleHits } from "~/ops/throttle.server";
import { type JobLogger, startRunner } from "./runner.server";
import type { Job } from "./schedule";

const MINUTE = 60_000;

/** How often missed appraisal deadlines are written (`OVERDUE_SWEEP_MS`, default a minute, at least a second). */
export function overdueSweepMs(env: Record<string, string | undefined> = process.env): number {
  const ms = Number(env.OVERDUE_SWEEP_MS || MINUTE);
  if (!(ms >= 1000)) throw new Error(`OVERDUE_SWEEP_MS must be a number of milliseconds, at least 1000 (got ${env.OVERDUE_SWEEP_MS})`);
  return ms;
}

/** How long a job's lease lasts unrenewed (`JOB_LEASE_MS`, default a minute, at least a second): after a crash, the
 * jobs the dead process held wait this long before another process takes them over. */
export function jobLeaseMs(env: Record<string, string | undefined> = process.env): number {
  const ms = Number(env.JOB_LEASE_MS || MINUTE);
  if (!(ms >= 1000)) throw new Error(`JOB_LEASE_MS must be a number of milliseconds, at least 1000 (got ${env.JOB_LEASE_MS})`);
  return ms;
}

/**
 * Every scheduled job of the application (docs/decisions/0037). Each is safe to run twice: what it
 * writes is keyed by the event (notify's key, a unique row) or conditional, so a run repeated after
 * a crash tells nobody twice. Daily times are Vietnamese wall-clock times.
 */
export function jobRegistry(env: Record<string, string | undefined> = process.env): Job[] {
  return [
    // pages derive "overdue" on read; this writes it (status, audit event, counters, notifications; decision 0024)
    { name: "overdue", everyMs: overdueSweepMs(env), run: (at) => sweepOverdue(at) },
    { name: "deadline-reminders", dailyAt: "07:00", run: remindDeadlines },
    { name: "trainer-evening", dailyAt: "19:00", run: remindTrainersOfTomorrow },
    { name: "session-soon", everyMs: 5 * MINUTE, run: remindLearnersOfSessionSoon },
    { name: "absence-warnings", everyMs: 30 * MINUTE, run: warnAbsences },
    { name: "activation-expiry", dailyAt: "02:00", run: expireActivationCodes },
    { name: "throttle-cleanup", everyMs: 60 * MINUTE, run: pruneThrottleHits },
    // email: sending is never in a request's path (decision 0035)
    { name: outboxJob.name, everyMs: outboxJob.everyMs, run: async (at) => (await outboxJob.run(at))?.sent ?? 0 },
    { name: digestJob.name, dailyAt: "17:00", run: async (at) => (await digestJob.run(at))?.queued ?? 0 },
    { name: "enrolment-expiry", dailyAt: "02:10", run: closeEndedEnrolments },
  ];
}

/** The process's runner over the registry (server.js starts it through the build's entry module). */
export function startJobs(logger: JobLogger) {
  return startRunner({ jobs: jobRegistry(), logger, leaseMs: jobLeaseMs() });
}
