import { reachableCourse } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { formatDateTime } from "~/i18n/format";
import { outOf } from "~/exports/table";
import { t } from "~/i18n/messages";
import { SORT_KEYS, type SortDir, type SortKey, buildRows, filterRows, sortRows } from "./class-table";
import { getOutline } from "./outline.server";
import { modulePermissions } from "./permissions";
import { classProgress } from "./progress.server";

/** The class progress table for a trainer of THIS course (or an admin of its unit). */
export async function classProgressTable(request: Request, rawCourseId: string | undefined) {
  const auth = await requireUser(request, modulePermissions.viewClassProgress);
  const course = await reachableCourse(auth, rawCourseId, modulePermissions.viewClassProgress);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const rawSort = url.searchParams.get("sap-xep") ?? "name";
  const sort: SortKey = (SORT_KEYS as readonly string[]).includes(rawSort) ? (rawSort as SortKey) : "name";
  const dir: SortDir = url.searchParams.get("chieu") === "desc" ? "desc" : "asc";
  const [outline, learners] = await Promise.all([getOutline(), classProgress(course.id)]);
  const all = buildRows(outline, learners);
  const rows = sortRows(filterRows(all, q), sort, dir);
  return { course: { id: course.id, title: course.title, code: course.code }, outline, rows, total: all.length, q, sort, dir };
}

/** Header and cells for the CSV/XLSX export (Vietnamese headers). */
export function exportTable(table: Awaited<ReturnType<typeof classProgressTable>>) {
  const headers = [
    t("modules.export.stt"),
    t("modules.trainer.name"),
    t("modules.trainer.contact"),
    t("modules.trainer.unit"),
    ...table.outline.map((m) => `${t("modules.course.module", { n: m.order })}: ${m.title}`),
    t("modules.trainer.done"),
    `${t("modules.trainer.sheet")} (%)`,
    t("modules.trainer.lastActivity"),
  ];
  const rows = table.rows.map((r, i) => [
    i + 1,
    r.fullName,
    r.contact,
    r.unit,
    ...r.modules.map((m) => outOf(m.done, m.total)),
    outOf(r.done, r.total),
    r.percent,
    r.last ? formatDateTime(r.last) : "",
  ]);
  return { headers, rows };
}
