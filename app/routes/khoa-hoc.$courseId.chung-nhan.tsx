import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { reachableCourse, refuseIfArchived } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { revokeCertificates } from "~/certificates/certificates.server";
import { classCertificates, issueDueInClass, saveCompletionRule } from "~/certificates/class.server";
import { certificatePermissions } from "~/certificates/permissions";
import { classCertificatesActionSchema } from "~/certificates/schemas.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { courseModules } from "~/courses/courses.server";
import { t } from "~/i18n/messages";
import { ChoiceGroup, Field, FormMessage, useActionResult } from "~/ui/form";
import { BackLink, Card, PageHeader } from "~/ui/page";
import { DataTable, Subtitled } from "~/ui/table";

export const access = certificatePermissions.manage;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t("cert.manage.title", { course: data.course.title }) : t("cert.title")} · ${t("app.name")}` },
];

/** The course's trainer or an admin above it; anyone else gets 404. */
async function manager(request: Request, rawCourseId: string | undefined, context?: object) {
  const auth = await requireUser(request, access, context);
  const course = await reachableCourse(auth, rawCourseId, access);
  return { auth, course, courseId: course.id, title: course.title };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { courseId, title } = await manager(request, params.courseId, context);
  const { rule, modules, rows } = await classCertificates(courseId);
  return {
    course: { id: courseId, title },
    rule,
    modules,
    eligible: rows.filter((r) => r.completion.complete).length,
    issued: rows.filter((r) => r.certificate && !r.certificate.revoked).length,
    rows: rows.map((r) => ({
      userId: r.userId,
      fullName: r.fullName,
      unit: r.unit,
      attendance: r.completion.attendancePercent,
      quizzes: modules.length - r.completion.missing.filter((m) => m.kind === "quiz").length,
      complete: r.completion.complete,
      certificate: r.certificate,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { auth, course, courseId } = await manager(request, params.courseId);
  refuseIfArchived(course);
  const form = await parseRequestForm(request, classCertificatesActionSchema);
  if (!form.ok) return invalid(form);
  const input = form.data;
  const current = await classCertificates(courseId);
  switch (input.intent) {
    case "rule": {
      const taught = await courseModules(courseId); // the rule asks only for modules the class teaches
      const known = new Set(current.modules.map((m) => m.slug).filter((m) => taught.includes(m)));
      if (input.modules.some((m) => !known.has(m))) return invalid({ modules: t("form.invalidChoice") });
      await saveCompletionRule(courseId, input.minAttendancePercent, input.modules);
      await issueDueInClass(courseId, null); // those the new rule completes, as if each had just completed
      return ok({ message: t("cert.manage.ruleSaved") });
    }
    case "issue": {
      const { issued, due } = await issueDueInClass(courseId, auth.user.id);
      // someone left the class since the list was read: say so, with what was issued
      if (issued < due) return invalid({ _form: t("cert.manage.rosterChanged", { count: issued }) }, { status: 409 });
      return ok({ message: t("cert.manage.issued", { count: issued }) });
    }
    case "revoke": {
      const enrolled = new Set(current.rows.map((r) => r.userId));
      if (input.userIds.some((u) => !enrolled.has(u))) return invalid({ userIds: t("form.invalidChoice") });
      const count = await revokeCertificates(courseId, input.userIds, input.reason, auth.user.id);
      return ok({ message: t("cert.manage.revoked", { count }) });
    }
  }
}

export default function ManageCertificates() {
  const d = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const e = result.errors;
  return (
    <>
      <BackLink to={`/khoa-hoc/${d.course.id}`}>{d.course.title}</BackLink>
      <PageHeader title={t("cert.manage.title", { course: d.course.title })} />
      <FormMessage tone="success">{result.success?.message}</FormMessage>
      <FormMessage tone="error">{e._form}</FormMessage>
      <Card title={t("cert.manage.rule")}>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="rule" />
          <Field
            label={t("cert.manage.minAttendance")}
            name="minAttendancePercent"
            inputMode="numeric"
            defaultValue={String(d.rule.minAttendancePercent)}
            error={e.minAttendancePercent}
          />
          <ChoiceGroup
            legend={t("cert.manage.modules")}
            name="modules"
            type="checkbox"
            options={d.modules.map((m) => ({ value: m.slug, label: m.title }))}
            checked={d.rule.requiredModules}
            error={e.modules}
          />
          <div>
            <button type="submit">{t("form.save")}</button>
          </div>
        </Form>
      </Card>
      <Card title={t("cert.manage.learners", { count: d.rows.length })}>
        <p>{t("cert.manage.eligible", { count: d.eligible, issued: d.issued })}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="issue" />
          <button type="submit">{t("cert.manage.issueAll")}</button>
        </Form>
        <Form method="post" className="stack stack--wide">
          <input type="hidden" name="intent" value="revoke" />
          <DataTable
            caption={t("cert.manage.learners", { count: d.rows.length })}
            columns={[
              {
                header: null,
                cell: (r) =>
                  r.certificate && !r.certificate.revoked ? (
                    <input type="checkbox" name="userIds" value={r.userId} aria-label={t("cert.manage.select", { name: r.fullName })} />
                  ) : null,
              },
              { header: t("cert.manage.name"), cell: (r) => <Subtitled main={r.fullName} sub={r.unit} /> },
              { header: t("cert.manage.attendance"), cell: (r) => `${r.attendance}%` },
              { header: t("cert.manage.quizzes"), cell: (r) => `${r.quizzes}/${d.modules.length}` },
              {
                header: t("cert.manage.status"),
                cell: (r) =>
                  r.certificate ? (
                    r.certificate.revoked ? (
                      <span className="tag tag--off">{t("cert.manage.status.revoked")}</span>
                    ) : (
                      <Link to={`/giay-chung-nhan/${r.certificate.code}`}>{t("cert.manage.status.issued")}</Link>
                    )
                  ) : r.complete ? (
                    <span className="tag">{t("cert.manage.status.complete")}</span>
                  ) : (
                    <span className="muted">{t("cert.manage.status.missing")}</span>
                  ),
              },
            ]}
            rows={d.rows}
            rowKey={(r) => r.userId}
          />
          {e.userIds ? <p className="field__error">{e.userIds}</p> : null}
          <Field label={t("cert.manage.revokeReason")} name="reason" error={e.reason} />
          <div>
            <button type="submit" className="button button--danger">
              {t("cert.manage.revoke")}
            </button>
          </div>
        </Form>
      </Card>
    </>
  );
}
