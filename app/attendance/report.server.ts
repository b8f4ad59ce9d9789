import ExcelJS from "exceljs";
import { db } from "~/db/db.server";
import { formatDate, formatTime } from "~/i18n/format";
import { type MessageKey, t } from "~/i18n/messages";
import { belowRate, byUnitThenName, countsBySession, grid, heldSessions, learnerRates } from "./report";
import { rosterOf } from "./sessions.server";
import { statusLabelKey } from "./statuses";

/** Loads the figures of a course (three queries) and shapes them as tables for the page and the exports. */
export async function courseReport(courseId: number, now = new Date()) {
  const [sessions, roster, marks] = await Promise.all([
    db().classSession.findMany({ where: { courseId }, orderBy: { startsAt: "asc" }, select: { id: true, title: true, startsAt: true, endsAt: true, status: true } }),
    rosterOf(courseId),
    db().attendance.findMany({ where: { session: { courseId } }, select: { sessionId: true, userId: true, status: true } }),
  ]);
  const learners = roster.map((l) => ({ id: l.id, fullName: l.fullName, unitName: l.unitName, phone: l.phone })).sort(byUnitThenName);
  const held = heldSessions(sessions, now);
  return { sessions, learners, marks, held, counts: countsBySession(sessions, learners, marks), rates: learnerRates(held, learners, marks) };
}

export type Table = { title: string; header: string[]; rows: (string | number)[][] };
export type ReportKind = "buoi" | "hoc-vien" | "luoi" | "duoi-nguong";

const sessionLabel = (s: { title: string; startsAt: Date; endsAt: Date }) => `${formatDate(s.startsAt)} ${formatTime(s.startsAt)}–${formatTime(s.endsAt)}${s.title ? ` ${s.title}` : ""}`;
const shortDate = (s: { startsAt: Date }) => formatDate(s.startsAt);

export function reportTable(report: Awaited<ReturnType<typeof courseReport>>, kind: ReportKind, threshold: number): Table {
  const c = (k: MessageKey) => t(k);
  switch (kind) {
    case "buoi":
      return {
        title: c("att.report.bySession"),
        header: [c("att.report.session"), c("att.report.total"), c("att.status.PRESENT"), c("att.status.LATE"), c("att.status.EXCUSED"), c("att.status.ABSENT"), c("att.status.UNMARKED")],
        rows: report.sessions.map((s, i) => {
          const k = report.counts[i];
          const label = sessionLabel(s) + (s.status === "CANCELLED" ? ` (${c("att.session.isCancelled")})` : "");
          return [label, report.learners.length, k.PRESENT, k.LATE, k.EXCUSED, k.ABSENT, k.UNMARKED];
        }),
      };
    case "hoc-vien":
    case "duoi-nguong": {
      const rows = kind === "hoc-vien" ? report.rates : belowRate(report.rates, threshold);
      return {
        title: kind === "hoc-vien" ? c("att.report.byLearner") : `${c("att.report.below")} (${threshold}%)`,
        header: [c("att.column.fullName"), c("att.column.phone"), c("att.column.unit"), c("att.report.attended"), c("att.report.excused"), c("att.report.held"), c("att.report.rate")],
        rows: rows.map((r) => [r.fullName, r.phone ?? "", r.unitName, r.attended, r.excused, r.held, r.rate]),
      };
    }
    case "luoi":
      return {
        title: c("att.report.grid"),
        header: [c("att.column.fullName"), c("att.column.unit"), ...report.sessions.map(shortDate)],
        rows: grid(report.sessions, report.learners, report.marks).map((g) => [g.learner.fullName, g.learner.unitName, ...g.cells.map((s) => (s ? t(statusLabelKey(s)) : ""))]),
      };
  }
}

/** CSV for Excel in Vietnam: UTF-8 with BOM, CRLF, every field quoted when needed. */
export function toCsv(table: Table): string {
  const cell = (v: string | number) => {
    const s = String(v);
    // A leading =, +, - or @ would run as a formula in Excel: neutralise it.
    const safe = /^[=+\-@]/.test(s) && typeof v === "string" ? `'${s}` : s;
    return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return "\uFEFF" + [table.header, ...table.rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export async function toXlsx(table: Table): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = t("app.name");
  const ws = wb.addWorksheet(table.title.slice(0, 31).replace(/[\\/?*[\]:]/g, " "));
  ws.addRow(table.header).font = { bold: true };
  for (const r of table.rows) ws.addRow(r);
  ws.columns.forEach((col, i) => (col.width = i === 0 ? 32 : Math.max(12, Math.min(40, (table.header[i] ?? "").length + 4))));
  ws.views = [{ state: "frozen", ySplit: 1 }];
  const buf = new Uint8Array(await wb.xlsx.writeBuffer());
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}
