/** The statistics as labelled rows (for the page, CSV and XLSX). Pure. */
import { t } from "~/i18n/messages";
import type { Funnel } from "./stats";

export function statRows(f: Funnel, stars: { stars: number; count: number }[]): { label: string; value: number }[] {
  return [
    { label: t("appraisal.stats.ideas"), value: f.ideas },
    { label: t("appraisal.stats.submitted"), value: f.submitted },
    ...f.appraisedByLevel.map((l) => ({ label: t("appraisal.stats.appraised", { level: t(`level.${l.level}` as "level.COMMUNE") }), value: l.count })),
    { label: t("appraisal.stats.forwarded"), value: f.forwarded },
    { label: t("appraisal.stats.approved"), value: f.approved },
    { label: t("appraisal.stats.returned"), value: f.returned },
    { label: t("appraisal.stats.rejected"), value: f.rejected },
    { label: t("appraisal.stats.overdue"), value: f.overdue },
    ...stars.map((s) => ({ label: `${t("appraisal.stats.stars")}: ${t("appraisal.stats.starsLabel", { n: s.stars })}`, value: s.count })),
  ];
}

/** CSV: UTF-8 with BOM, CRLF, quoted fields. */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  const q = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
  return "\uFEFF" + [header, ...rows].map((r) => r.map(q).join(",")).join("\r\n") + "\r\n";
}
