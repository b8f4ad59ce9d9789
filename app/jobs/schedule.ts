/**
 * When a job runs: every N milliseconds, or once a day at a wall-clock time in Asia/Ho_Chi_Minh
 * (UTC+7 all year). Pure, so the runner and its tests share one answer.
 */
import { vnDay, vnInstant } from "~/i18n/format";

export type JobSchedule = { everyMs: number } | { dailyAt: string };

/** A scheduled job: what `run(at)` returns (how many items it handled) is shown on the admin page. */
export type Job = JobSchedule & { name: string; run: (at: Date) => Promise<number | void> };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The first run of a job never seen before: an interval job at once, a daily one at its next time. */
export function firstRunAt(schedule: JobSchedule, at: Date): Date {
  return "everyMs" in schedule ? at : nextRunAt(schedule, at);
}

/** The run after one that started at `startedAt`. */
export function nextRunAt(schedule: JobSchedule, startedAt: Date): Date {
  if ("everyMs" in schedule) return new Date(startedAt.getTime() + schedule.everyMs);
  const today = vnInstant(vnDay(startedAt), schedule.dailyAt);
  if (!today) throw new Error(`dailyAt must be HH:mm (got ${schedule.dailyAt})`);
  return today > startedAt ? today : new Date(today.getTime() + DAY_MS);
}
