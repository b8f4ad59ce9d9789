import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { reachableCourse } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { classProgressTable, progressQuery } from "~/content/class-progress.server";
import { modulePermissions } from "~/content/permissions";
import { formatDateTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import { BackLink, PageHeader } from "~/ui/page";
import { DataTable, Subtitled, type Column } from "~/ui/table";
import { Downloads } from "~/exports/ui";

export const access = modulePermissions.viewClassProgress;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t("modules.trainer.title", { course: data.course.title }) : ""} · ${t("app.name")}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const course = await reachableCourse(auth, params.courseId, access);
  const table = await classProgressTable(course, progressQuery(new URL(request.url).searchParams));
  return {
    course: table.course,
    modules: table.outline.map((m) => ({ order: m.order, title: m.title })),
    rows: table.rows.map(({ folded: _f, ...r }) => ({ ...r, last: r.last ? formatDateTime(r.last) : "" })),
    total: table.total,
    q: table.q,
    sort: table.sort,
    dir: table.dir,
  };
}

type Sort = { sort: string; dir: string; link: (key: string) => string };

/** A column header that sorts the table by `k`, turning the direction round when it already does. */
function SortLink({ k, label, by }: { k: string; label: string; by: Sort }) {
  return (
    <Link to={by.link(k)} aria-label={t("modules.trainer.sortBy", { column: label })}>
      {label}
      {by.sort === k ? (by.dir === "asc" ? " ▲" : " ▼") : ""}
    </Link>
  );
}

type Row = SerializeFrom<typeof loader>["rows"][number];

function sortedColumn(k: string, label: string, by: Sort, cell: Column<Row>["cell"]): Column<Row> {
  const ariaSort = by.sort === k ? (by.dir === "asc" ? "ascending" : "descending") : undefined;
  return { header: <SortLink k={k} label={label} by={by} />, headerProps: { "aria-sort": ariaSort }, cell };
}

export default function ClassProgress() {
  const { course, modules, rows, total, q, sort, dir } = useLoaderData<typeof loader>();
  const base = `/khoa-hoc/${course.id}/tien-do`;
  const link = (key: string) => {
    const p = new URLSearchParams();
    if (q) p.set("q", q);
    p.set("sap-xep", key);
    p.set("chieu", sort === key && dir === "asc" ? "desc" : "asc");
    return `${base}?${p}`;
  };
  const exportLink = (format: string) => {
    const p = new URLSearchParams({ "dinh-dang": format, "sap-xep": sort, chieu: dir });
    if (q) p.set("q", q);
    return `${base}/xuat?${p}`;
  };
  const by: Sort = { sort, dir, link };
  const columns: Column<Row>[] = [
    sortedColumn("name", t("modules.trainer.name"), by, (r) => <Subtitled main={r.fullName} sub={r.contact} />),
    sortedColumn("unit", t("modules.trainer.unit"), by, (r) => r.unit),
    ...modules.map((m, i) =>
      sortedColumn(`m${m.order}`, t("modules.trainer.moduleShort", { n: m.order }), by, (r) => `${r.modules[i].done}/${r.modules[i].total}`),
    ),
    sortedColumn("total", t("modules.trainer.total"), by, (r) => (
      <>
        <strong>{r.percent}%</strong> ({r.done}/{r.total})
      </>
    )),
    sortedColumn("last", t("modules.trainer.lastActivity"), by, (r) => r.last),
  ];
  return (
    <>
      <BackLink to={`/khoa-hoc/${course.id}`}>{course.title}</BackLink>
      <PageHeader title={t("modules.trainer.title", { course: course.title })} />
      <Form method="get" className="toolbar" role="search">
        <div className="field">
          <label htmlFor="q">{t("modules.trainer.search")}</label>
          <input id="q" name="q" type="search" defaultValue={q} />
        </div>
        <input type="hidden" name="sap-xep" value={sort} />
        <input type="hidden" name="chieu" value={dir} />
        <button type="submit">{t("modules.trainer.searchButton")}</button>
      </Form>
      <Downloads xlsx={exportLink("xlsx")} csv={exportLink("csv")} />
      <p className="muted" role="status">
        {t("modules.trainer.count", { shown: rows.length, total })}
      </p>
      <DataTable caption={t("modules.trainer.title", { course: course.title })} className="progress-table" columns={columns} rows={rows} rowKey={(r) => r.id} />
      {rows.length === 0 ? <p>{t("modules.trainer.none")}</p> : null}
    </>
  );
}
