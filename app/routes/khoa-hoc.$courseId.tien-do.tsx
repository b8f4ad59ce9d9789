import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { reachableCourse } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { classProgressTable, progressQuery } from "~/content/class-progress.server";
import { modulePermissions } from "~/content/permissions";
import { formatDateTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import { PageHeader } from "~/ui/page";
import { Downloads } from "~/exports/ui";

export const access = modulePermissions.viewClassProgress;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t("modules.trainer.title", { course: data.course.title }) : ""} · ${t("app.name")}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access);
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
  const Th = ({ k, label }: { k: string; label: string }) => (
    <th scope="col" aria-sort={sort === k ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link to={link(k)} aria-label={t("modules.trainer.sortBy", { column: label })}>
        {label}
        {sort === k ? (dir === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    </th>
  );
  return (
    <>
      <p>
        <Link className="back-link" to={`/khoa-hoc/${course.id}`}>← {course.title}</Link>
      </p>
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
      <div className="table-wrap">
        <table className="progress-table">
          <thead>
            <tr>
              <Th k="name" label={t("modules.trainer.name")} />
              <Th k="unit" label={t("modules.trainer.unit")} />
              {modules.map((m) => (
                <Th key={m.order} k={`m${m.order}`} label={t("modules.trainer.moduleShort", { n: m.order })} />
              ))}
              <Th k="total" label={t("modules.trainer.total")} />
              <Th k="last" label={t("modules.trainer.lastActivity")} />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.fullName}
                  <br />
                  <small className="muted">{r.contact}</small>
                </td>
                <td>{r.unit}</td>
                {r.modules.map((m, i) => (
                  <td key={i}>
                    {m.done}/{m.total}
                  </td>
                ))}
                <td>
                  <strong>{r.percent}%</strong> ({r.done}/{r.total})
                </td>
                <td>{r.last}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p>{t("modules.trainer.none")}</p> : null}
    </>
  );
}
