import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { changeableCourse, reachableCourse } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid } from "~/forms/result.server";
import { t } from "~/i18n/messages";
import "~/i18n/materials";
import { LESSON_BODY_LIMIT_BYTES } from "~/materials/limits";
import { saveLesson } from "~/materials/materials.server";
import { materialPermissions } from "~/materials/permissions";
import { lessonSchema } from "~/materials/schemas.server";
import { LessonForm } from "~/materials/ui";
import { useActionResult } from "~/ui/form";
import { BackLink, PageHeader } from "~/ui/page";

export const access = materialPermissions.manage;

export const meta: MetaFunction = () => [{ title: `${t("materials.lesson.new")} · ${t("app.name")}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const course = await reachableCourse(auth, params.courseId, access);
  return { course: { id: course.id, title: course.title }, kb: LESSON_BODY_LIMIT_BYTES / 1024 };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireUser(request, access);
  const course = await changeableCourse(auth, params.courseId, access);
  const form = await parseRequestForm(request, lessonSchema);
  if (!form.ok) return invalid(form, { status: 422 });
  const lesson = await saveLesson(course.id, auth.user.id, form.data);
  return redirect(`/khoa-hoc/${course.id}/tai-lieu/${lesson.id}`);
}

export default function NewLessonPage() {
  const { course, kb } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  return (
    <>
      <BackLink to={`/khoa-hoc/${course.id}/tai-lieu`}>{t("materials.title")}</BackLink>
      <PageHeader title={t("materials.lesson.new")} />
      <p className="muted">{course.title}</p>
      <LessonForm values={result.values} errors={result.errors} kb={kb} />
    </>
  );
}
