import type { Auth } from "~/auth/guard.server";
import { notFound } from "~/auth/guard.server";
import { tableDownload } from "~/exports/download.server";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { statRows } from "./stats-table";
import { type StatsQuery, statsFor } from "./stats.server";

/** The statistics page's table as a CSV or XLSX download (same rows, same scope). */
export async function statsDownload(auth: Auth, query: StatsQuery, format: "csv" | "xlsx") {
  const stats = await statsFor(auth, query);
  if (!stats) throw notFound();
  return tableDownload(
    format,
    `thong-ke-ocop-${stats.year}`,
    String(stats.year),
    [t("appraisal.stats.unit"), t("appraisal.stats.year"), t("appraisal.stats.metric"), t("appraisal.stats.count")],
    statRows(stats).map((r) => [stats.unit.name, stats.year, r.label, r.value]),
  );
}
