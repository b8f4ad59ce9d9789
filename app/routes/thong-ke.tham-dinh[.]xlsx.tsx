import type { LoaderFunctionArgs } from "@remix-run/node";
import { appraisalPermissions } from "~/appraisal/permissions";
import { statRows } from "~/appraisal/stats-table";
import { statsFor } from "~/appraisal/stats.server";
import { notFound, requireUser } from "~/auth/guard.server";
import { tableDownload } from "~/exports/download.server";
import { t } from "~/i18n/messages";

export const access = appraisalPermissions.statistics;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access);
  const stats = await statsFor(auth, new URL(request.url));
  if (!stats) throw notFound();
  return tableDownload(
    "xlsx",
    `thong-ke-ocop-${stats.year}`,
    String(stats.year),
    [t("appraisal.stats.unit"), t("appraisal.stats.year"), t("appraisal.stats.metric"), t("appraisal.stats.count")],
    statRows(stats.funnel, stats.stars).map((r) => [stats.unit.name, stats.year, r.label, r.value]),
  );
}
