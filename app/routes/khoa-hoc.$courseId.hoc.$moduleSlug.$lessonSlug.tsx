import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { reachableCourse, studiedEnrolment } from "~/access/access.server";
import { notFound, requireUser } from "~/auth/guard.server";
import { findLesson, getContent } from "~/content/content.server";
import { getOutline } from "~/content/outline.server";
import { modulePermissions } from "~/content/permissions";
import { computeProgress } from "~/content/progress";
import { doneSteps, markLessonDone } from "~/content/progress.server";
import { ProgressBar } from "~/content/ProgressBar";
import { type SheetAnswer, ScoreSheetForm } from "~/content/ScoreSheetForm";
import { lessonActionSchema } from "~/content/lesson-action.server";
import { scoreLessonSheet } from "~/content/score-sheet";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { t } from "~/i18n/messages";
import { type DocumentOnly, loadAsDocument } from "~/ui/document-page";
import { FormMessage, useActionResult } from "~/ui/form";
import { AppForm, AppLink } from "~/ui/app-link";

export const access = modulePermissions.study;

// A lesson is read, not typed into: a plain document (docs/decisions/0057), unless it carries the score sheet,
// whose totals follow what is typed. The cached copy reads offline the same way.
export const handle: DocumentOnly = {
  documentOnly: (data) => !(data as Awaited<ReturnType<typeof loader>>).lesson.segments.some((s) => "island" in s),
};
export const clientLoader = loadAsDocument;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.lesson.title ?? ""} · ${t("app.name")}` }];

async function lessonContext(request: Request, params: LoaderFunctionArgs["params"], context?: object) {
  const auth = await requireUser(request, access, context);
  const [course, index] = await Promise.all([reachableCourse(auth, params.courseId, access), getContent()]);
  const found = findLesson(index, params.moduleSlug ?? "", params.lessonSlug ?? "");
  if (!found) throw notFound();
  return { course, found };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { course, found } = await lessonContext(request, params, context);
  const [outline, done] = await Promise.all([getOutline(), course.enrolmentId ? doneSteps(course.enrolmentId) : Promise.resolve([])]);
  const progress = computeProgress(outline, done);
  const { module, lesson, prev, next } = found;
  return {
    course: { id: course.id, title: course.title },
    module: { slug: module.slug, order: module.order, title: module.title },
    lesson: { slug: lesson.slug, title: lesson.title, minutes: lesson.minutes, summary: lesson.summary, sources: lesson.sources, segments: lesson.segments },
    prev,
    next,
    tracking: course.enrolled,
    completed: done.some((d) => d.module === module.slug && d.lesson === lesson.slug),
    moduleProgress: progress.modules.find((m) => m.slug === module.slug)!,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { course, found } = await lessonContext(request, params);
  const form = await parseRequestForm(request, lessonActionSchema);
  if (!form.ok) return invalid(form);
  if (form.data.intent === "complete") {
    await markLessonDone(studiedEnrolment(course), found.module.slug, found.lesson.slug);
    return ok({ message: t("modules.lesson.markedDone") });
  }
  const values = { A: form.data.A ?? "", B: form.data.B ?? "", C: form.data.C ?? "" };
  const outcome = scoreLessonSheet(values);
  if (!outcome.ok) return invalid(outcome.errors, { values });
  return ok({ sheet: { values, total: outcome.result.total, stars: outcome.result.stars } });
}

export default function LessonPage() {
  const { course, module, lesson, prev, next, tracking, completed, moduleProgress } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const done = result.success;
  const message = done && "message" in done ? done.message : null;
  const sheet: SheetAnswer | undefined = done && "sheet" in done ? done.sheet : result.failed ? { values: result.values, errors: result.errors } : undefined;
  const base = `/khoa-hoc/${course.id}` as const;
  return (
    <article className="lesson">
      <p className="lesson__crumbs">
        <AppLink className="back-link" to={base}>
          {t("modules.lesson.backToCourse")}
        </AppLink>{" "}
        · {t("modules.course.module", { n: module.order })}: {module.title}
      </p>
      <header className="page-header">
        <h1>{lesson.title}</h1>
        {completed ? <span className="tag">✓ {t("modules.lesson.completed")}</span> : null}
      </header>
      <p className="muted">
        {t("modules.lesson.minutes", { minutes: lesson.minutes })} · {lesson.summary}
      </p>
      {tracking ? <ProgressBar {...moduleProgress} label={t("modules.progress.module")} /> : <p className="notice">{t("modules.lesson.previewOnly")}</p>}
      <div className="lesson__body">
        {lesson.segments.map((s, i) =>
          "html" in s ? <div key={i} dangerouslySetInnerHTML={{ __html: s.html }} /> : <ScoreSheetForm key={i} answer={sheet} />,
        )}
      </div>
      <section className="lesson__sources">
        <h2>{t("modules.lesson.sources")}</h2>
        <ul>
          {lesson.sources.map((s) => (
            <li key={s.number + s.date}>{t("modules.lesson.source", { issuer: s.issuer, number: s.number, date: s.date, title: s.title })}</li>
          ))}
        </ul>
      </section>
      <FormMessage tone="success">{message}</FormMessage>
      {tracking ? (
        completed ? (
          <p className="tag">✓ {t("modules.lesson.completed")}</p>
        ) : (
          <AppForm>
            <input type="hidden" name="intent" value="complete" />
            <button type="submit">{t("modules.lesson.markDone")}</button>
          </AppForm>
        )
      ) : null}
      <nav className="lesson__nav toolbar" aria-label={t("modules.course.modules")}>
        {prev ? (
          <AppLink className="button button--ghost" to={`${base}/hoc/${prev.module}/${prev.slug}`} title={prev.title}>
            {t("modules.lesson.previous")}
          </AppLink>
        ) : null}
        {next ? (
          <AppLink className="button" to={`${base}/hoc/${next.module}/${next.slug}`} title={next.title}>
            {t("modules.lesson.next")}
          </AppLink>
        ) : null}
      </nav>
    </article>
  );
}
