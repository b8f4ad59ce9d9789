/** The statistics as labelled rows (for the page, CSV and XLSX). Pure. */
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import type { Funnel, LapsedLocality } from "./stats";

export function statRows(s: { funnel: Funnel; stars: { stars: number; count: number }[]; lapsed: LapsedLocality[] }): { label: string; value: number }[] {
  const f = s.funnel;
  return [
    { label: t("appraisal.stats.ideas"), value: f.ideas },
    { label: t("appraisal.stats.submitted"), value: f.submitted },
    ...f.appraisedByLevel.map((l) => ({ label: t("appraisal.stats.appraised", { level: t(`level.${l.level}` as "level.COMMUNE") }), value: l.count })),
    { label: t("appraisal.stats.forwarded"), value: f.forwarded },
    { label: t("appraisal.stats.approved"), value: f.approved },
    { label: t("appraisal.stats.returned"), value: f.returned },
    { label: t("appraisal.stats.rejected"), value: f.rejected },
    { label: t("appraisal.stats.overdue"), value: f.overdue },
    ...(s.lapsed.length ? [{ label: t("appraisal.stats.lapsedLocalities"), value: s.lapsed.length }] : []),
    ...s.lapsed.map((l) => ({ label: t("appraisal.stats.lapsedLocality", { name: l.name }), value: l.cases })),
    ...s.stars.map((x) => ({ label: `${t("appraisal.stats.stars")}: ${t("appraisal.stats.starsLabel", { n: x.stars })}`, value: x.count })),
  ];
}
