import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LEARNING_ROLES } from "~/access/scope";
import { courseWhere } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { getOutline } from "~/content/outline.server";
import { modulePermissions } from "~/content/permissions";
import { computeProgress } from "~/content/progress";
import { doneStepsByCourse } from "~/content/progress.server";
import { ProgressBar } from "~/content/ProgressBar";
import { classesIn, coursesIn } from "~/courses/courses.server";
import { formatDate } from "~/i18n/format";
import { t } from "~/i18n/messages";
import { Card, PageHeader } from "~/ui/page";

export const access = modulePermissions.study;

export const meta: MetaFunction = () => [{ title: `${t("modules.catalogue.title")} · ${t("app.name")}` }];

/** The catalogue: courses the user studies (with progress), teaches, or administers. */
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access);
  const learns = auth.user.grants.some((g) => LEARNING_ROLES.includes(g.role));
  const [learning, teaching, administering, outline, doneByCourse] = await Promise.all([
    coursesIn(courseWhere(auth, access, LEARNING_ROLES)),
    classesIn(courseWhere(auth, access, ["trainer"])),
    coursesIn(courseWhere(auth, access, ["admin"])),
    getOutline(),
    learns ? doneStepsByCourse(auth.user.id) : new Map<number, never[]>(),
  ]);
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
    teaching: teaching.map((c) => ({ id: c.id, title: c.title, dates: dates(c), learners: c._count.enrolments })),
    administering: administering.filter((c) => !teaching.some((x) => x.id === c.id)).map((c) => ({ id: c.id, title: c.title, dates: dates(c) })),
    canJoin: learns,
  };
}

export default function Catalogue() {
  const { learning, teaching, administering, canJoin } = useLoaderData<typeof loader>();
  const none = learning.length + teaching.length + administering.length === 0;
  return (
    <>
      <PageHeader title={t("modules.catalogue.title")} />
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
      {teaching.length || administering.length ? (
        <Card title={t("modules.catalogue.teaching")}>
          <ul className="stack course-list">
            {[...teaching, ...administering].map((c) => (
              <li key={c.id}>
                <Link to={`/khoa-hoc/${c.id}`}>
                  <strong>{c.title}</strong>
                </Link>
                <br />
                <small className="muted">
                  {"learners" in c ? `${t("home.course.learners", { count: Number(c.learners) })} · ` : ""}
                  {c.dates}
                </small>
                <p>
                  <Link to={`/khoa-hoc/${c.id}/tien-do`}>{t("modules.course.progressView")}</Link>
                </p>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
