import type { LoaderFunctionArgs } from "@remix-run/node";
import { reachableCourse } from "~/access/access.server";
import { attendancePermissions } from "~/attendance/permissions";
import { courseReport, reportTable } from "~/attendance/report.server";
import { exportQuerySchema } from "~/attendance/schemas.server";
import { requireUser } from "~/auth/guard.server";
import { tableDownload } from "~/exports/download.server";

/** Downloads of the attendance reports: ?bang=buoi|hoc-vien|luoi|duoi-nguong&dinh-dang=csv|xlsx[&nguong=80]. */
export const access = attendancePermissions.manageAttendance;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const course = await reachableCourse(auth, params.courseId, access);
  const query = exportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return new Response(query.error.issues[0].message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { bang, "dinh-dang": format, nguong } = query.data;
  const table = reportTable(await courseReport(course.id), bang, nguong ?? 80);
  return tableDownload(format, `diem-danh-${bang}-lop-${course.id}`, table.title, table.header, table.rows);
}
