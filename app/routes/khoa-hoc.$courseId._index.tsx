import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { courseAllows, reachableCourse } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { courseOutline } from "~/courses/courses.server";
import { modulePermissions } from "~/content/permissions";
import { classPermissions } from "~/courses/permissions";
import { QUIZ_STEP, computeProgress, stepKey } from "~/content/progress";
import { doneSteps } from "~/content/progress.server";
import { ProgressBar } from "~/content/ProgressBar";
import { t } from "~/i18n/messages";
import "~/i18n/materials";
import "~/i18n/classes";
import { PageHeader } from "~/ui/page";

export const access = modulePermissions.study;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.course.title ?? ""} · ${t("app.name")}` }];

/** A course: its modules and lessons with time and progress, and where to resume. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const course = await reachableCourse(auth, params.courseId, access);
  // only the modules the class teaches, in its order
  const [outline, done] = await Promise.all([courseOutline(course.id), course.enrolmentId ? doneSteps(course.enrolmentId) : []]);
  const progress = computeProgress(outline, done);
  const keys = new Set(done.map((d) => stepKey(d.module, d.lesson)));
  return {
    course: { id: course.id, title: course.title },
    tracking: course.enrolled,
    canSeeClass: courseAllows(course, modulePermissions.viewClassProgress),
    canManage: courseAllows(course, classPermissions.manage),
    archived: course.archived,
    progress: { done: progress.done, total: progress.total, percent: progress.percent },
    next: progress.next,
    modules: outline.map((m, i) => ({
      ...m,
      progress: progress.modules[i],
      minutes: m.lessons.reduce((s, l) => s + l.minutes, 0),
      lessons: m.lessons.map((l) => ({ ...l, done: keys.has(stepKey(m.slug, l.slug)) })),
      quizPassed: keys.has(stepKey(m.slug, QUIZ_STEP)),
    })),
  };
}

export default function CoursePage() {
  const { course, tracking, canSeeClass, canManage, archived, progress, next, modules } = useLoaderData<typeof loader>();
  const base = `/khoa-hoc/${course.id}`;
  return (
    <>
      <PageHeader title={course.title}>
        {canSeeClass ? (
          <span className="toolbar">
            <Link className="button button--ghost" to={`${base}/tien-do`}>
              {t("modules.course.progressView")}
            </Link>
            <Link className="button button--ghost" to={`${base}/ket-qua-kiem-tra`}>
              {t("quiz.trainer.resultsLink")}
            </Link>
            <Link className="button button--ghost" to={`${base}/diem-danh`}>
              {t("att.home.manage")}
            </Link>
            <Link className="button button--ghost" to={`${base}/chung-nhan`}>
              {t("nav.certificates")}
            </Link>
            {canManage ? (
              <Link className="button button--ghost" to={`${base}/cai-dat`}>
                {t("modules.catalogue.settings")}
              </Link>
            ) : null}
          </span>
        ) : null}
      </PageHeader>
      {archived ? <p className="notice">{t("class.archived.readOnly")}</p> : null}
      <p>
        <Link className="button button--ghost" to={`${base}/tai-lieu`}>
          {t("materials.title")}
        </Link>
      </p>
      {tracking ? (
        <section className="card">
          <ProgressBar {...progress} label={t("modules.progress.course")} />
          {next ? (
            <p>
              <Link className="button" to={`${base}/hoc/${next.module}/${next.slug}`}>
                {progress.done === 0 ? t("modules.course.start") : t("modules.course.resume", { title: next.title })}
              </Link>
            </p>
          ) : (
            <p>{t("modules.course.done")}</p>
          )}
        </section>
      ) : null}
      <h2>{t("modules.course.modules")}</h2>
      {modules.map((m) => (
        <section key={m.slug} className="card module-card">
          <h3>
            {t("modules.course.module", { n: m.order })}: {m.title}
          </h3>
          <p className="muted">{t("modules.course.lessons", { count: m.lessons.length, minutes: m.minutes })}</p>
          {tracking ? <ProgressBar {...m.progress} label={t("modules.progress.module")} /> : null}
          <ol className="lesson-list">
            {m.lessons.map((l) => (
              <li key={l.slug}>
                <Link to={`${base}/hoc/${m.slug}/${l.slug}`}>{l.title}</Link>{" "}
                <small className="muted">{t("modules.course.minutes", { minutes: l.minutes })}</small>
                {l.done ? <span className="tag"> ✓ {t("modules.lesson.completed")}</span> : null}
              </li>
            ))}
          </ol>
          {m.hasQuiz ? (
            <p>
              <Link className="button button--ghost" to={`/khoa-hoc/${course.id}/kiem-tra/${m.slug}`}>
                {t("quiz.open")}
              </Link>
              {m.quizPassed ? <span className="tag"> ✓ {t("quiz.passed")}</span> : null}
            </p>
          ) : null}
        </section>
      ))}
    </>
  );
}
