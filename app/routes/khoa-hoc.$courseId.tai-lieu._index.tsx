import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { changeableCourse, courseAllows, reachableCourse } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { parseFormData } from "~/forms/fields.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { readUpload } from "~/forms/upload.server";
import { formatDate } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/materials";
import { ACCEPT, checkFile } from "~/materials/file-type";
import { ATTACHMENT_LIMIT_BYTES } from "~/materials/limits";
import { addAttachment, classMaterials, deleteAttachment, deleteLesson } from "~/materials/materials.server";
import { materialPermissions } from "~/materials/permissions";
import { materialsActionSchema, uploadFieldsSchema } from "~/materials/schemas.server";
import { FileLine } from "~/materials/ui";
import { Field, FormMessage, SelectField, useActionResult } from "~/ui/form";
import { ActionButton } from "~/ui/form-parts";
import { BackLink, Card, PageHeader } from "~/ui/page";

export const access = materialPermissions.read;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${t("materials.title")} · ${data?.course.title ?? ""} · ${t("app.name")}` }];

const MB = ATTACHMENT_LIMIT_BYTES / 1024 / 1024;

/** A class's local lessons and attachments; its trainers (and admins in scope) add and remove them here. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const course = await reachableCourse(auth, params.courseId, access);
  const { lessons, attachments } = await classMaterials(course.id);
  return { course: { id: course.id, title: course.title }, manages: courseAllows(course, materialPermissions.manage), lessons, attachments, mb: MB };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireUser(request, materialPermissions.manage);
  const course = await changeableCourse(auth, params.courseId, materialPermissions.manage);
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return upload(request, course.id, auth.user.id);
  const form = await parseRequestForm(request, materialsActionSchema);
  if (!form.ok) return invalid(form);
  if (form.data.intent === "deleteLesson") {
    if (!(await deleteLesson(course.id, form.data.lessonId))) return invalid({ _form: t("error.notFound.body") }, { status: 404 });
    return ok({ message: t("materials.lesson.deleted") });
  }
  const removed = await deleteAttachment(course.id, form.data.attachmentId);
  if (!removed) return invalid({ _form: t("error.notFound.body") }, { status: 404 });
  return ok({ message: t("materials.file.deleted", { name: removed.fileName }) });
}

async function upload(request: Request, courseId: number, userId: number) {
  const read = await readUpload(request, ATTACHMENT_LIMIT_BYTES);
  if (!read.ok)
    return invalid(
      { file: read.error === "tooLarge" ? t("materials.upload.tooLarge", { mb: MB }) : t("materials.upload.missing") },
      { status: read.error === "tooLarge" ? 413 : 400 },
    );
  const fields = parseFormData(uploadFieldsSchema, read.form);
  if (!fields.ok) return invalid(fields);
  const file = read.form.get("file");
  if (!(file instanceof File) || !file.name) return invalid({ file: t("materials.upload.missing") });
  const fileName = file.name.slice(0, 200);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = checkFile(fileName, bytes);
  if (!checked.ok) {
    const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
    const message = { empty: t("materials.upload.empty"), forbidden: t("materials.upload.forbidden"), mismatch: t("materials.upload.mismatch", { ext }) }[
      checked.reason
    ];
    return invalid({ file: message }, { status: checked.reason === "empty" ? 400 : 422 });
  }
  const added = await addAttachment(courseId, userId, { fileName, bytes, type: checked.type }, fields.data.lessonId);
  if (!added.ok) return invalid({ lessonId: t("materials.upload.badLesson") }, { status: 422 });
  return ok({ message: t("materials.upload.done", { name: fileName }) });
}

export default function MaterialsPage() {
  const { course, manages, lessons, attachments, mb } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const base = `/khoa-hoc/${course.id}/tai-lieu`;
  return (
    <>
      <BackLink to={`/khoa-hoc/${course.id}`}>{course.title}</BackLink>
      <PageHeader title={t("materials.title")}>
        {manages ? (
          <Link className="button" to={`${base}/bai-moi`}>
            {t("materials.lesson.new")}
          </Link>
        ) : null}
      </PageHeader>
      <p className="muted">{t("materials.intro")}</p>
      <FormMessage tone="success">{result.success?.message}</FormMessage>
      <FormMessage tone="error">{result.errors._form}</FormMessage>
      <Card title={t("materials.lessons")}>
        {lessons.length ? (
          <ol className="lesson-list">
            {lessons.map((l) => (
              <li key={l.id}>
                <Link to={`${base}/${l.id}`}>{l.title}</Link>{" "}
                <small className="muted">{t("materials.lesson.updated", { date: formatDate(l.updatedAt) })}</small>
                {manages ? (
                  <span className="toolbar">
                    <Link className="button button--ghost" to={`${base}/${l.id}/sua`}>
                      {t("materials.lesson.edit")}
                    </Link>
                    <ActionButton intent="deleteLesson" id={{ name: "lessonId", value: l.id }} label={`${t("materials.lesson.delete")}: ${l.title}`}>
                      {t("materials.lesson.delete")}
                    </ActionButton>
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t("materials.lessons.none")}</p>
        )}
      </Card>
      <Card title={t("materials.files")}>
        {attachments.length ? (
          <ul className="file-list">
            {attachments.map((f) => (
              <li key={f.id}>
                <FileLine courseId={course.id} file={f} />
                {manages ? (
                  <ActionButton intent="deleteAttachment" id={{ name: "attachmentId", value: f.id }} label={`${t("materials.file.delete")}: ${f.fileName}`}>
                    {t("materials.file.delete")}
                  </ActionButton>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("materials.files.none")}</p>
        )}
      </Card>
      {manages ? (
        <Card title={t("materials.upload.title")}>
          <Form method="post" encType="multipart/form-data" className="stack" noValidate>
            <input type="hidden" name="intent" value="upload" />
            <Field
              label={t("materials.upload.file")}
              type="file"
              name="file"
              accept={ACCEPT}
              required
              hint={t("materials.upload.hint", { mb })}
              error={result.errors.file}
            />
            <SelectField
              label={t("materials.upload.lesson")}
              name="lessonId"
              defaultValue=""
              options={[{ value: "", label: t("materials.upload.noLesson") }, ...lessons.map((l) => ({ value: String(l.id), label: l.title }))]}
              error={result.errors.lessonId}
            />
            <div>
              <button type="submit">{t("materials.upload.submit")}</button>
            </div>
          </Form>
        </Card>
      ) : null}
    </>
  );
}
