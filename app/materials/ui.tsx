import { Form } from "@remix-run/react";
import { formatDate, formatDecimal } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/materials";
import { Field, TextAreaField } from "~/ui/form";

/** The pieces of the materials pages: a file's line, and the lesson form (new and edit). */

export type FileView = { id: number; fileName: string; type: string; size: number; createdAt: string | Date };

export function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${formatDecimal(bytes / 1024 / 1024)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export const fileUrl = (courseId: number, fileId: number) => `/khoa-hoc/${courseId}/tai-lieu/tep/${fileId}`;

export function FileLine({ courseId, file }: { courseId: number; file: FileView }) {
  return (
    <>
      <a href={fileUrl(courseId, file.id)} download>
        {file.fileName}
      </a>{" "}
      <small className="muted">{t("materials.file.meta", { type: file.type, size: fileSize(file.size), date: formatDate(file.createdAt) })}</small>
    </>
  );
}

type LessonValues = { title?: string; body?: string; sources?: string; position?: string };

export function LessonForm({ values, errors, kb }: { values: LessonValues; errors: Partial<Record<string, string>>; kb: number }) {
  return (
    <Form method="post" className="stack" noValidate>
      <Field label={t("materials.form.title")} name="title" defaultValue={values.title} required maxLength={200} error={errors.title} />
      <TextAreaField
        label={t("materials.form.body")}
        name="body"
        defaultValue={values.body}
        rows={18}
        required
        hint={t("materials.form.bodyHint", { kb })}
        error={errors.body}
      />
      <TextAreaField
        label={t("materials.form.sources")}
        name="sources"
        defaultValue={values.sources}
        rows={4}
        hint={t("materials.form.sourcesHint")}
        error={errors.sources}
      />
      <Field label={t("materials.form.position")} name="position" inputMode="numeric" defaultValue={values.position} error={errors.position} />
      <div>
        <button type="submit">{t("materials.form.save")}</button>
      </div>
    </Form>
  );
}
