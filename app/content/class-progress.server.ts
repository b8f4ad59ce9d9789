import { formatDateTime } from "~/i18n/format";
import { outOf } from "~/exports/table";
import { t } from "~/i18n/messages";
import { SORT_KEYS, type SortDir, type SortKey, buildRows, filterRows, sortRows } from "./class-table";
import { getOutline } from "./outline.server";
import { classProgress } from "./progress.server";

/** What the page's query asks for (`q`, `sap-xep`, `chieu`), as the route read it; unknown values fall back. */
export type ProgressQuery = { q: string | null; sort: string | null; dir: string | null };

/** The class progress table of a course (checked by the route), searched and sorted as asked. */
export async function classProgressTable(course: { id: number; title: string; code: string }, query: ProgressQuery) {
  const q = (query.q ?? "").slice(0, 100);
  const rawSort = query.sort ?? "name";
  const sort: SortKey = (SORT_KEYS as readonly string[]).includes(rawSort) ? (rawSort as SortKey) : "name";
  const dir: SortDir = query.dir === "desc" ? "desc" : "asc";
  const [outline, learners] = await Promise.all([getOutline(), classProgress(course.id)]);
  const all = buildRows(outline, learners);
  const rows = sortRows(filterRows(all, q), sort, dir);
  return { course: { id: course.id, title: course.title, code: course.code }, outline, rows, total: all.length, q, sort, dir };
}

/** Header and cells for the CSV/XLSX export (Vietnamese headers). */
/** Reads the progress query from the page's search parameters. */
export function progressQuery(search: URLSearchParams): ProgressQuery {
  return { q: search.get("q"), sort: search.get("sap-xep"), dir: search.get("chieu") };
}

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
