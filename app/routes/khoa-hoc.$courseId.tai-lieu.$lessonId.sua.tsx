import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { reachableLocalLesson, refuseIfArchived } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid } from "~/forms/result.server";
import { t } from "~/i18n/messages";
import "~/i18n/materials";
import { LESSON_BODY_LIMIT_BYTES } from "~/materials/limits";
import { saveLesson } from "~/materials/materials.server";
import { materialPermissions } from "~/materials/permissions";
import { lessonSchema } from "~/materials/schemas.server";
import { readSources, sourcesText } from "~/materials/sources";
import { LessonForm } from "~/materials/ui";
import { useActionResult } from "~/ui/form";
import { BackLink, PageHeader } from "~/ui/page";

export const access = materialPermissions.manage;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${t("materials.lesson.editTitle", { title: data?.lesson.title ?? "" })} · ${t("app.name")}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const { course, lesson } = await reachableLocalLesson(auth, params, access);
  return {
    course: { id: course.id },
    lesson: { id: lesson.id, title: lesson.title, body: lesson.body, sources: sourcesText(readSources(lesson.sources)), position: String(lesson.position) },
    kb: LESSON_BODY_LIMIT_BYTES / 1024,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireUser(request, access);
  const { course, lesson } = await reachableLocalLesson(auth, params, access);
  refuseIfArchived(course);
  const form = await parseRequestForm(request, lessonSchema);
  if (!form.ok) return invalid(form, { status: 422 });
  await saveLesson(course.id, auth.user.id, form.data, lesson.id);
  return redirect(`/khoa-hoc/${course.id}/tai-lieu/${lesson.id}`);
}

export default function EditLessonPage() {
  const { course, lesson, kb } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  return (
    <>
      <BackLink to={`/khoa-hoc/${course.id}/tai-lieu/${lesson.id}`}>{lesson.title}</BackLink>
      <PageHeader title={t("materials.lesson.editTitle", { title: lesson.title })} />
      <LessonForm values={result.failed ? result.values : lesson} errors={result.errors} kb={kb} />
    </>
  );
}
