import type { LoaderFunctionArgs } from "@remix-run/node";
import { reachableCourse } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { classProgressTable, exportTable, progressQuery } from "~/content/class-progress.server";
import { tableDownload } from "~/exports/download.server";
import { exportFormat } from "~/exports/table";
import { modulePermissions } from "~/content/permissions";
import { t } from "~/i18n/messages";

export const access = modulePermissions.viewClassProgress;

/** CSV (UTF-8 with BOM) or XLSX of the class progress, with the page's search and sort. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const course = await reachableCourse(auth, params.courseId, access);
  const search = new URL(request.url).searchParams;
  const table = await classProgressTable(course, progressQuery(search));
  const format = exportFormat(search);
  const { headers, rows } = exportTable(table);
  return tableDownload(format, `tien-do-${table.course.code}`, t("modules.trainer.sheet"), headers, rows);
}
