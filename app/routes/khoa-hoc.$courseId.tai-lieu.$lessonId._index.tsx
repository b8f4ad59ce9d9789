import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { courseAllows, reachableLocalLesson } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { formatDate } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/materials";
import { lessonToRead } from "~/materials/materials.server";
import { materialPermissions } from "~/materials/permissions";
import { FileLine } from "~/materials/ui";
import { BackLink } from "~/ui/page";

export const access = materialPermissions.read;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.lesson.title ?? ""} · ${t("app.name")}` }];

/** A local lesson, as its learners read it: the HTML rendered when it was saved, its sources, its files. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const { course, lesson } = await reachableLocalLesson(auth, params, access);
  const { sources, files } = await lessonToRead(lesson);
  return {
    course: { id: course.id, title: course.title },
    manages: courseAllows(course, materialPermissions.manage),
    lesson: { id: lesson.id, title: lesson.title, html: lesson.html, updatedAt: lesson.updatedAt },
    sources,
    files,
  };
}

export default function LocalLessonPage() {
  const { course, manages, lesson, sources, files } = useLoaderData<typeof loader>();
  return (
    <article className="lesson">
      <BackLink className="lesson__crumbs" to={`/khoa-hoc/${course.id}/tai-lieu`}>
        {t("materials.title")}
      </BackLink>
      <header className="page-header">
        <h1>{lesson.title}</h1>
        {manages ? (
          <Link className="button button--ghost" to={`/khoa-hoc/${course.id}/tai-lieu/${lesson.id}/sua`}>
            {t("materials.lesson.edit")}
          </Link>
        ) : null}
      </header>
      <p className="muted">
        {course.title} · {t("materials.lesson.updated", { date: formatDate(lesson.updatedAt) })}
      </p>
      {/* rendered by app/materials/markdown.server.tsx from the stored Markdown: no markup of the writer's survives */}
      <div className="lesson__body" dangerouslySetInnerHTML={{ __html: lesson.html }} />
      {files.length ? (
        <section>
          <h2>{t("materials.files.ofLesson")}</h2>
          <ul className="file-list">
            {files.map((f) => (
              <li key={f.id}>
                <FileLine courseId={course.id} file={f} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {sources.length ? (
        <section className="lesson__sources">
          <h2>{t("modules.lesson.sources")}</h2>
          <ul>
            {sources.map((s, i) => (
              <li key={i}>{t("modules.lesson.source", { issuer: s.issuer, number: s.number, date: s.date, title: s.title })}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
