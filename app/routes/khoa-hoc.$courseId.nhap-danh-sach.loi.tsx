import type { LoaderFunctionArgs } from "@remix-run/node";
import { reachableCourse } from "~/access/access.server";
import { attendancePermissions } from "~/attendance/permissions";
import { perObject } from "~/auth/access";
import { refusedRows } from "~/attendance/roster.server";
import { notFound, requireUser } from "~/auth/guard.server";
import { tableDownload } from "~/exports/download.server";
import { t } from "~/i18n/messages";

/** The rows a roster preview refused, as an Excel file with a reason column, to fix and import again. */
// objectLevel: only the trainer who made the preview downloads its refused rows (others: 404)
export const access = perObject(attendancePermissions.manageAttendance);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const course = await reachableCourse(auth, params.courseId, access);
  const token = (new URL(request.url).searchParams.get("ma") ?? "").slice(0, 64);
  const found = token ? await refusedRows(course.id, auth.user.id, token) : null;
  if (!found) throw notFound();
  const base = found.fileName.replace(/\.(csv|xlsx)$/i, "");
  return tableDownload("xlsx", `${base || "danh-sach"}-dong-loi`, t("att.import.refusedSheet"), found.sheet.headers, found.sheet.rows);
}
