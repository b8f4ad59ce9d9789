import type { Auth } from "~/auth/guard.server";
import { notFound } from "~/auth/guard.server";
import { tableDownload } from "~/exports/download.server";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { statRows } from "./stats-table";
import { statsFor } from "./stats.server";

/** The statistics page's table as a CSV or XLSX download (same rows, same scope). */
export async function statsDownload(auth: Auth, request: Request, format: "csv" | "xlsx") {
  const stats = await statsFor(auth, new URL(request.url));
  if (!stats) throw notFound();
  return tableDownload(
    format,
    `thong-ke-ocop-${stats.year}`,
    String(stats.year),
    [t("appraisal.stats.unit"), t("appraisal.stats.year"), t("appraisal.stats.metric"), t("appraisal.stats.count")],
    statRows(stats).map((r) => [stats.unit.name, stats.year, r.label, r.value]),
  );
}
