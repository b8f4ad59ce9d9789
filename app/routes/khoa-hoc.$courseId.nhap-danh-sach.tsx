import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { ACTIVATION_DAYS } from "~/attendance/activation";
import { changeableCourse, reachableCourse } from "~/access/access.server";
import { attendancePermissions } from "~/attendance/permissions";
import { type Problem, type RosterRow, hasErrors, refusedSheet, rosterSummary } from "~/attendance/roster";
import { checkRoster, commitRoster, stageRoster } from "~/attendance/roster.server";
import { confirmImportSchema } from "~/attendance/schemas.server";
import { readRosterFile } from "~/attendance/spreadsheet.server";
import { ActivationCodes, CourseNav, activationRow } from "~/attendance/ui";
import { UPLOAD_LIMIT_BYTES, readUpload } from "~/forms/upload.server";
import { requireUser } from "~/auth/guard.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { admissionMessage } from "~/courses/courses.server";
import { type MessageKey, t } from "~/i18n/messages";
import "~/i18n/attendance";
import { Field, FormMessage, useActionResult } from "~/ui/form";
import { Card, PageHeader } from "~/ui/page";
import { DataTable } from "~/ui/table";

export const access = attendancePermissions.manageAttendance;

export const meta: MetaFunction = () => [{ title: `${t("att.import.title")} · ${t("app.name")}` }];

const MB = UPLOAD_LIMIT_BYTES / 1024 / 1024;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const course = await reachableCourse(auth, params.courseId, access);
  // Limits come through loader data: values imported from server modules are empty in the browser.
  return { course: { id: course.id, title: course.title }, origin: new URL(request.url).origin, mb: MB, days: ACTIVATION_DAYS };
}

const problemView = (p: Problem) => ({
  row: p.row,
  name: p.name,
  column: p.column ? t(`att.column.${p.column}` as MessageKey) : "",
  message: t(p.message),
  value: p.value ?? "",
  severity: p.severity,
});

const rowView = (r: RosterRow) => ({
  row: r.row,
  fullName: r.fullName,
  contact: [r.phone, r.email].filter(Boolean).join(" · "),
  unit: r.unitName,
  choices: r.unitChoices ?? null,
  existing: r.existingUserId !== null,
});

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireUser(request, access);
  const course = await changeableCourse(auth, params.courseId, access);
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const form = await parseRequestForm(request, confirmImportSchema);
    if (!form.ok) return invalid({ _form: t("att.import.expired") }, { status: 400 });
    const outcome = await commitRoster(course, form.data.token, auth.user.id, new Date(), form.data.unitChoices);
    if (!outcome.ok) {
      if (outcome.error === "archived") return invalid({ _form: admissionMessage(outcome.error) }, { status: 409 });
      const message = {
        expired: "att.import.expired",
        changed: "att.import.changed",
        chooseUnit: "att.import.unitChooseFirst",
        notAudience: "att.import.notAudience",
        full: "att.import.full",
      } as const;
      return invalid(
        { _form: t(message[outcome.error]) },
        { status: outcome.error === "chooseUnit" || outcome.error === "notAudience" || outcome.error === "full" ? 422 : 409 },
      );
    }
    return ok({
      step: "done" as const,
      message: [
        t("att.import.done", { count: outcome.enrolled, new: outcome.created }),
        outcome.invited ? t("att.import.doneInvited", { count: outcome.invited }) : "",
      ]
        .filter(Boolean)
        .join(" "),
      codes: outcome.codes.map(activationRow),
    });
  }
  const upload = await readUpload(request);
  if (!upload.ok)
    return invalid(
      { file: upload.error === "tooLarge" ? t("att.import.tooLarge", { mb: MB }) : t("att.import.fileMissing") },
      { status: upload.error === "tooLarge" ? 413 : 400 },
    );
  if (!upload.file) return invalid({ file: t("att.import.fileMissing") });
  const fileName = upload.file.name.slice(0, 200);
  const read = await readRosterFile(new Uint8Array(await upload.file.arrayBuffer()), fileName);
  if (!read.ok) return invalid({ file: t(read.error, read.vars) }, { status: 422 });
  const checked = await checkRoster(course, read.table);
  if (!checked.ok) return invalid({ file: t(checked.error, checked.vars) }, { status: 422 });
  const errors = hasErrors(checked.problems);
  const summary = t("att.import.previewSummary", rosterSummary(checked));
  const refused = refusedSheet(checked);
  const staged = checked.rows.length > 0 || refused.rows.length > 0 ? await stageRoster(course.id, auth.user.id, fileName, checked.rows, refused) : null;
  return ok(
    {
      step: "preview" as const,
      blocked: errors,
      fileName,
      summary,
      token: checked.rows.length > 0 ? staged : null,
      count: checked.rows.length,
      refusedCount: refused.rows.length,
      refusedUrl: refused.rows.length && staged ? `/khoa-hoc/${course.id}/nhap-danh-sach/loi?ma=${staged}` : null,
      problems: checked.problems.slice(0, 1000).map(problemView),
      rows: checked.rows.map(rowView),
    },
    { status: errors ? 422 : 200 },
  );
}

export default function ImportPage() {
  const { course, origin, mb, days } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const busy = useNavigation().state === "submitting";
  const preview = result.success?.step === "preview" ? result.success : undefined;
  const done = result.success?.step === "done" ? result.success : undefined;
  return (
    <>
      <PageHeader title={t("att.import.title")} />
      <CourseNav courseId={course.id} />
      <FormMessage tone="error">{result.errors._form}</FormMessage>
      {done ? (
        <>
          <FormMessage tone="success">{done.message}</FormMessage>
          {done.codes.length ? <ActivationCodes codes={done.codes} days={days} activateUrl={`${origin}/kich-hoat`} /> : null}
        </>
      ) : null}
      <Card title={course.title}>
        <p>{t("att.import.intro", { mb })}</p>
        <p className="muted">{t("att.import.nothingWritten")}</p>
        <Form method="post" encType="multipart/form-data" className="stack" noValidate>
          <Field
            label={t("att.import.file")}
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            error={result.errors.file}
          />
          <div>
            <button type="submit" disabled={busy}>
              {t("att.import.preview")}
            </button>
          </div>
        </Form>
      </Card>
      {preview ? (
        <Card title={t("att.import.previewTitle", { file: preview.fileName })}>
          <p role="status">{preview.summary}</p>
          {preview.blocked ? <FormMessage tone="error">{preview.token ? t("att.import.choose") : t("att.import.fixFirst")}</FormMessage> : null}
          {preview.refusedUrl ? (
            <p>
              <a className="button button--ghost" href={preview.refusedUrl} download>
                {t("att.import.downloadRefused")}
              </a>
            </p>
          ) : null}
          {preview.problems.length ? (
            <DataTable
              caption={t("att.import.problemsCaption")}
              className="att-problems"
              columns={[
                { header: t("att.import.row"), cell: (p) => p.row },
                { header: t("att.column.fullName"), cell: (p) => p.name },
                { header: t("att.import.column"), cell: (p) => p.column },
                {
                  header: t("att.import.problem"),
                  cell: (p) => (
                    <>
                      <span className={p.severity === "error" ? "tag tag--off" : "tag"}>
                        {p.severity === "error" ? t("att.import.error") : p.severity === "notice" ? t("att.import.notice") : t("att.import.warning")}
                      </span>{" "}
                      {p.message}
                    </>
                  ),
                },
                { header: t("att.import.value"), cell: (p) => p.value },
              ]}
              rows={preview.problems.map((p, i) => ({ ...p, i }))}
              rowKey={(p) => p.i}
              rowProps={(p) => ({ className: p.severity === "error" ? "att-error" : "att-warning" })}
            />
          ) : null}
          {preview.token ? (
            <>
              <Form method="post" id="roster-confirm" className="toolbar">
                <input type="hidden" name="intent" value="confirm" />
                <input type="hidden" name="token" value={preview.token} />
                <button type="submit" disabled={busy}>
                  {preview.refusedCount
                    ? t("att.import.confirmValid", { count: preview.count, refused: preview.refusedCount })
                    : t("att.import.confirm", { count: preview.count })}
                </button>
              </Form>
              <DataTable
                caption={t("att.import.rowsCaption")}
                columns={[
                  { header: t("att.import.row"), cell: (r) => r.row },
                  { header: t("att.column.fullName"), cell: (r) => r.fullName },
                  { header: t("att.column.phone"), cell: (r) => r.contact },
                  {
                    header: t("att.column.unit"),
                    cell: (r) =>
                      r.choices ? (
                        <label className="field">
                          <span>
                            {r.unit}: {t("att.import.unitChoose")}
                          </span>
                          <select name={`unit-${r.row}`} form="roster-confirm" required defaultValue="">
                            <option value="" disabled>
                              —
                            </option>
                            {r.choices.map((c) => (
                              <option key={c.id} value={c.id}>
                                {c.name}
                              </option>
                            ))}
                          </select>
                        </label>
                      ) : (
                        r.unit
                      ),
                  },
                  { header: null, cell: (r) => (r.existing ? t("att.import.existingAccount") : t("att.import.newAccount")) },
                ]}
                rows={preview.rows}
                rowKey={(r) => r.row}
              />
            </>
          ) : null}
        </Card>
      ) : null}
    </>
  );
}
