import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ReactNode } from "react";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { LEARNING_ROLES } from "~/access/scope";
import { courseScopeSql, courseWhere, reachableUnitsOnPaths } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { getOutline } from "~/content/outline.server";
import { modulePermissions } from "~/content/permissions";
import { computeProgress } from "~/content/progress";
import { doneStepsByCourse } from "~/content/progress.server";
import { ProgressBar } from "~/content/ProgressBar";
import { classFilter, classesIn, coursesIn, managedClasses } from "~/courses/courses.server";
import { classPermissions } from "~/courses/permissions";
import { indentedLabel } from "~/units/tree";
import { formatDate, vnYear } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/classes";
import { SelectField } from "~/ui/form";
import { Card, PageHeader } from "~/ui/page";

export const access = modulePermissions.study;

export const meta: MetaFunction = () => [{ title: `${t("modules.catalogue.title")} · ${t("app.name")}` }];

/** The catalogue: courses the user studies (with progress), teaches, or administers (filtered by year, unit, status). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const learns = auth.user.grants.some((g) => LEARNING_ROLES.includes(g.role));
  const manages = auth.user.grants.some((g) => classPermissions.manage.roles.includes(g.role));
  const filter = classFilter(new URL(request.url).searchParams);
  const [learning, teaching, { classes: administering, organising }, outline, doneByCourse] = await Promise.all([
    coursesIn(courseWhere(auth, access, LEARNING_ROLES)),
    classesIn(courseScopeSql(auth, access, ["trainer"])),
    manages ? managedClasses(courseScopeSql(auth, classPermissions.manage), filter) : { classes: [], organising: [] },
    getOutline(),
    learns ? doneStepsByCourse(auth.user.id) : new Map<number, never[]>(),
  ]);
  // the units that organise a class (and those above them), not every commune of the province
  const units = manages ? await reachableUnitsOnPaths(auth, classPermissions.manage, organising) : [];
  const dates = (c: { startsOn: Date; endsOn: Date }) => t("home.course.dates", { from: formatDate(c.startsOn), to: formatDate(c.endsOn) });
  return {
    learning: learning.map((c) => {
      const progress = computeProgress(outline, doneByCourse.get(c.id) ?? []);
      return {
        id: c.id,
        title: c.title,
        dates: dates(c),
        progress: { done: progress.done, total: progress.total, percent: progress.percent },
        next: progress.next,
      };
    }),
    teaching: teaching.map((c) => ({ id: c.id, title: c.title, dates: dates(c), learners: c.learners, archived: c.status === "ARCHIVED" })),
    administering: administering.map((c) => ({
      id: c.id,
      title: c.title,
      code: c.code,
      unit: c.unit.name,
      dates: dates(c),
      learners: c.learners,
      archived: c.status === "ARCHIVED",
    })),
    manage: manages
      ? {
          filter: {
            year: filter.year === null ? "" : String(filter.year),
            unit: filter.unitId === null ? "" : String(filter.unitId),
            status: filter.status ?? "",
          },
          years: Array.from({ length: 8 }, (_, i) => String(vnYear(new Date()) + 1 - i)),
          units: units.map((u) => ({ value: String(u.id), label: indentedLabel(u.name, u.depth) })),
        }
      : null,
    canJoin: learns,
  };
}

/**
 * One class in a trainer's or an admin's list: its title (linked), whether archived, a line of details, its links.
 * Plain anchors, not `<Link>`: a list of classes grows with the province's year, and each `<Link>` costs its own
 * route resolution on every render (docs/decisions/0056).
 */
function ClassItem({ c, details, children }: { c: { id: number; title: string; archived: boolean }; details: string; children: ReactNode }) {
  return (
    <li>
      <a href={`/khoa-hoc/${c.id}`}>
        <strong>{c.title}</strong>
      </a>{" "}
      {c.archived ? <span className="tag tag--off">{t("class.archived.tag")}</span> : null}
      <br />
      <small className="muted">{details}</small>
      <p className="toolbar">{children}</p>
    </li>
  );
}

export default function Catalogue() {
  const { learning, teaching, administering, manage, canJoin } = useLoaderData<typeof loader>();
  const none = learning.length + teaching.length + administering.length === 0 && !manage;
  return (
    <>
      <PageHeader title={t("modules.catalogue.title")}>
        {manage ? (
          <Link className="button" to="/khoa-hoc/moi">
            {t("modules.catalogue.create")}
          </Link>
        ) : null}
      </PageHeader>
      {none ? <p>{t("modules.catalogue.none")}</p> : null}
      {canJoin ? (
        <p>
          <Link to="/khoa-hoc/tham-gia">{t("modules.join.title")}</Link>
        </p>
      ) : null}
      {learning.length ? (
        <Card title={t("modules.catalogue.learning")}>
          <ul className="stack course-list">
            {learning.map((c) => (
              <li key={c.id}>
                <Link to={`/khoa-hoc/${c.id}`}>
                  <strong>{c.title}</strong>
                </Link>
                <br />
                <small className="muted">{c.dates}</small>
                <ProgressBar {...c.progress} label={t("modules.progress.course")} />
                {c.next ? (
                  <Link className="button" to={`/khoa-hoc/${c.id}/hoc/${c.next.module}/${c.next.slug}`}>
                    {t("modules.course.resume", { title: c.next.title })}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {teaching.length ? (
        <Card title={t("modules.catalogue.teaching")}>
          <ul className="stack course-list">
            {teaching.map((c) => (
              <ClassItem key={c.id} c={c} details={`${t("home.course.learners", { count: c.learners })} · ${c.dates}`}>
                <a href={`/khoa-hoc/${c.id}/tien-do`}>{t("modules.course.progressView")}</a>
              </ClassItem>
            ))}
          </ul>
        </Card>
      ) : null}
      {manage ? (
        <Card title={t("modules.catalogue.administering")}>
          <Form method="get" className="toolbar">
            <SelectField
              label={t("modules.catalogue.year")}
              name="nam"
              defaultValue={manage.filter.year}
              options={[{ value: "", label: t("modules.catalogue.any") }, ...manage.years.map((y) => ({ value: y, label: y }))]}
            />
            <SelectField
              label={t("modules.catalogue.unit")}
              name="don-vi"
              defaultValue={manage.filter.unit}
              options={[{ value: "", label: t("modules.catalogue.any") }, ...manage.units]}
            />
            <SelectField
              label={t("modules.catalogue.status")}
              name="trang-thai"
              defaultValue={manage.filter.status}
              options={[
                { value: "", label: t("modules.catalogue.any") },
                { value: "ACTIVE", label: t("modules.catalogue.active") },
                { value: "ARCHIVED", label: t("modules.catalogue.archived") },
              ]}
            />
            <button type="submit">{t("modules.catalogue.filter")}</button>
          </Form>
          {administering.length === 0 ? <p>{t("modules.catalogue.noMatch")}</p> : null}
          <ul className="stack course-list">
            {administering.map((c) => (
              <ClassItem key={c.id} c={c} details={`${c.code} · ${c.unit} · ${t("home.course.learners", { count: c.learners })} · ${c.dates}`}>
                <a href={`/khoa-hoc/${c.id}/cai-dat`}>{t("modules.catalogue.settings")}</a>
                <a href={`/khoa-hoc/${c.id}/tien-do`}>{t("modules.course.progressView")}</a>
              </ClassItem>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
