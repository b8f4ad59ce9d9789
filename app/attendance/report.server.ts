import { db } from "~/db/db.server";
import { formatDate, formatTime } from "~/i18n/format";
import { type MessageKey, t } from "~/i18n/messages";
import "~/i18n/attendance";
import { belowRate, byUnitThenName, countsBySession, grid, heldSessions, learnerRates, type SessionState, sessionState, takenSessionIds } from "./report";
import { rosterOf } from "./sessions.server";
import { statusLabelKey } from "./statuses";

/** Loads the figures of a course (three queries) and shapes them as tables for the page and the exports. */
export async function courseReport(courseId: number, now = new Date()) {
  const [sessions, roster, marks] = await Promise.all([
    db().classSession.findMany({
      where: { courseId },
      orderBy: { startsAt: "asc" },
      select: { id: true, title: true, startsAt: true, endsAt: true, status: true },
    }),
    rosterOf(courseId),
    db().attendance.findMany({ where: { session: { courseId } }, select: { sessionId: true, userId: true, status: true } }),
  ]);
  const learners = roster.map((l) => ({ id: l.id, fullName: l.fullName, unitName: l.unitName, phone: l.phone, enrolledAt: l.enrolledAt })).sort(byUnitThenName);
  const held = heldSessions(sessions, marks, now);
  const taken = takenSessionIds(marks);
  return {
    sessions: sessions.map((s) => ({ ...s, state: sessionState(s, taken, now) })),
    learners,
    marks,
    held,
    counts: countsBySession(sessions, learners, marks),
    rates: learnerRates(held, learners, marks),
  };
}

export type Table = { title: string; header: string[]; rows: (string | number)[][] };
export type ReportKind = "buoi" | "hoc-vien" | "luoi" | "duoi-nguong";

const sessionLabel = (s: { title: string; startsAt: Date; endsAt: Date }) =>
  `${formatDate(s.startsAt)} ${formatTime(s.startsAt)}–${formatTime(s.endsAt)}${s.title ? ` ${s.title}` : ""}`;
export const sessionStateKey = (state: SessionState) => `att.sessionState.${state}` as MessageKey;
const shortDate = (s: { startsAt: Date }) => formatDate(s.startsAt);

export function reportTable(report: Awaited<ReturnType<typeof courseReport>>, kind: ReportKind, threshold: number): Table {
  const c = (k: MessageKey) => t(k);
  switch (kind) {
    case "buoi":
      return {
        title: c("att.report.bySession"),
        header: [
          c("att.report.session"),
          c("att.report.state"),
          c("att.report.total"),
          c("att.status.PRESENT"),
          c("att.status.LATE"),
          c("att.status.EXCUSED"),
          c("att.status.ABSENT"),
          c("att.status.UNMARKED"),
        ],
        rows: report.sessions.map((s, i) => {
          const k = report.counts[i];
          return [sessionLabel(s), c(sessionStateKey(s.state)), k.size, k.PRESENT, k.LATE, k.EXCUSED, k.ABSENT, k.UNMARKED];
        }),
      };
    case "hoc-vien":
    case "duoi-nguong": {
      const rows = kind === "hoc-vien" ? report.rates : belowRate(report.rates, threshold);
      return {
        title: kind === "hoc-vien" ? c("att.report.byLearner") : `${c("att.report.below")} (${threshold}%)`,
        header: [
          c("att.column.fullName"),
          c("att.column.phone"),
          c("att.column.unit"),
          c("att.report.attended"),
          c("att.report.excused"),
          c("att.report.held"),
          c("att.report.rate"),
        ],
        rows: rows.map((r) => [r.fullName, r.phone ?? "", r.unitName, r.attended, r.excused, r.held, r.rate]),
      };
    }
    case "luoi":
      return {
        title: c("att.report.grid"),
        header: [c("att.column.fullName"), c("att.column.unit"), ...report.sessions.map(shortDate)],
        rows: grid(report.sessions, report.learners, report.marks).map((g) => [
          g.learner.fullName,
          g.learner.unitName,
          ...g.cells.map((s) => (s ? t(statusLabelKey(s)) : "")),
        ]),
      };
  }
}
