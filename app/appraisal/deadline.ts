/**
 * Deadline clocks in the province's time zone (Asia/Ho_Chi_Minh, UTC+7 all year, no DST).
 * A level has N days from receipt: the deadline is the end (23:59:59.999 local) of the N-th
 * calendar day after the day of receipt, or of the N-th working day (Monday–Friday, not a
 * holiday of the province's list) when the province counts working days. Pure.
 */
import type { UnitLevel } from "~/auth/roles";
import { vnDay, vnDayStart } from "~/i18n/format";
import type { ProvinceRules } from "~/units/settings";

const DAY_MS = 24 * 60 * 60 * 1000;

function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

function isWorkingDay(iso: string, holidays: ReadonlySet<string>): boolean {
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6 && !holidays.has(iso);
}

/** End of the local day `iso` as an instant. */
function endOfLocalDay(iso: string): Date {
  return new Date(vnDayStart(iso).getTime() + DAY_MS - 1);
}

type DayRules = Pick<ProvinceRules, "deadlineKind" | "holidays">;

/** The end of the `days`-th day (calendar, or working as the province counts) after the day of `from`. */
function deadlineAfter(from: Date, days: number, rules: DayRules): Date {
  let day = vnDay(from);
  if (rules.deadlineKind === "CALENDAR") return endOfLocalDay(addDays(day, days));
  const holidays = new Set(rules.holidays);
  let counted = 0;
  while (counted < days) {
    day = addDays(day, 1);
    if (isWorkingDay(day, holidays)) counted++;
  }
  return endOfLocalDay(day);
}

/** The deadline of the level that received the case: its own number of days, calendar or working. */
export function deadlineFor(receivedAt: Date, rules: Pick<ProvinceRules, "deadlineDays" | "deadlineKind" | "holidays">, level: UnitLevel): Date {
  return deadlineAfter(receivedAt, rules.deadlineDays[level], rules);
}

/**
 * Days of the level's deadline still unused when the case went back to the producer: the days
 * (calendar, or working as the province counts) after the day of the return up to the deadline's
 * day; the day of the return itself is spent. Never negative.
 */
export function daysLeftWhenPaused(pausedAt: Date, deadlineAt: Date, rules: DayRules): number {
  const holidays = new Set(rules.holidays);
  const last = vnDay(deadlineAt);
  let day = vnDay(pausedAt);
  let left = 0;
  while (day < last) {
    day = addDays(day, 1);
    if (rules.deadlineKind === "CALENDAR" || isWorkingDay(day, holidays)) left++;
  }
  return left;
}

/** The deadline when the clock restarts with `daysLeft` days at resubmission (0: the end of that day). */
export function resumedDeadline(resubmittedAt: Date, daysLeft: number, rules: DayRules): Date {
  if (daysLeft === 0) return endOfLocalDay(vnDay(resubmittedAt));
  return deadlineAfter(resubmittedAt, daysLeft, rules);
}

export type TimeLeft = { overdue: boolean; days: number; hours: number };

/** Whole days and hours left (or past, when overdue). */
export function timeLeft(now: Date, deadline: Date): TimeLeft {
  const ms = deadline.getTime() - now.getTime();
  const abs = Math.abs(ms);
  return { overdue: ms < 0, days: Math.floor(abs / DAY_MS), hours: Math.floor((abs % DAY_MS) / 3_600_000) };
}

export type Clock =
  { kind: "running"; left: TimeLeft } | { kind: "stopped"; daysOnResubmit: number; rule: ProvinceRules["clockOnResubmit"] } | { kind: "closed" };

/**
 * What a case's clock shows: running while an officer holds it, stopped while the producer has it
 * (with the days the level will have on resubmission), nothing once the case is closed.
 */
export function clockOf(
  c: { status: string; level: string; deadlineAt: Date; pausedAt: Date | null },
  rules: Pick<ProvinceRules, "deadlineDays" | "deadlineKind" | "holidays" | "clockOnResubmit">,
  at: Date,
): Clock {
  if (c.status === "SUBMITTED") return { kind: "running", left: timeLeft(at, c.deadlineAt) };
  if (c.status !== "RETURNED") return { kind: "closed" };
  const daysOnResubmit =
    rules.clockOnResubmit === "RESUME" && c.pausedAt ? daysLeftWhenPaused(c.pausedAt, c.deadlineAt, rules) : rules.deadlineDays[c.level as UnitLevel];
  return { kind: "stopped", daysOnResubmit, rule: rules.clockOnResubmit };
}
