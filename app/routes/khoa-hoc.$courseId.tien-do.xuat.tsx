import type { LoaderFunctionArgs } from "@remix-run/node";
import { classProgressTable, exportTable } from "~/content/class-progress.server";
import { tableDownload } from "~/exports/download.server";
import { exportFormat } from "~/exports/table";
import { modulePermissions } from "~/content/permissions";
import { t } from "~/i18n/messages";

export const access = modulePermissions.viewClassProgress;

/** CSV (UTF-8 with BOM) or XLSX of the class progress, with the page's search and sort. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const table = await classProgressTable(request, params.courseId);
  const format = exportFormat(new URL(request.url).searchParams);
  const { headers, rows } = exportTable(table);
  return tableDownload(format, `tien-do-${table.course.code}`, t("modules.trainer.sheet"), headers, rows);
}
