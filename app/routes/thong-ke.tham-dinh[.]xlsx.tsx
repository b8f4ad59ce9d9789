import type { LoaderFunctionArgs } from "@remix-run/node";
import ExcelJS from "exceljs";
import { appraisalPermissions } from "~/appraisal/permissions";
import { statRows } from "~/appraisal/stats-table";
import { statsFor } from "~/appraisal/stats.server";
import { notFound, requireUser } from "~/auth/guard.server";
import { t } from "~/i18n/messages";

export const access = appraisalPermissions.statistics;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access);
  const stats = await statsFor(auth, new URL(request.url));
  if (!stats) throw notFound();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(String(stats.year));
  sheet.addRow([t("appraisal.stats.unit"), t("appraisal.stats.year"), t("appraisal.stats.metric"), t("appraisal.stats.count")]).font = { bold: true };
  for (const r of statRows(stats.funnel, stats.stars)) sheet.addRow([stats.unit.name, stats.year, r.label, r.value]);
  sheet.columns.forEach((c) => (c.width = 30));
  const buffer = await book.xlsx.writeBuffer();
  return new Response(buffer as ArrayBuffer, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="thong-ke-ocop-${stats.year}.xlsx"`,
    },
  });
}
