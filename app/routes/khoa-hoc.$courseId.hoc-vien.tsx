import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ACTIVATION_DAYS } from "~/attendance/activation";
import { changeableCourse, reachableCourse } from "~/access/access.server";
import { attendancePermissions } from "~/attendance/permissions";
import { byUnitThenName } from "~/attendance/report";
import { addLearner, pendingActivations, reissueCodes, removeLearner } from "~/attendance/roster.server";
import { rosterActionSchema } from "~/attendance/schemas.server";
import { rosterOf } from "~/attendance/sessions.server";
import { ActivationCodes, CourseNav, activationRow } from "~/attendance/ui";
import { requireUser } from "~/auth/guard.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { matchesSearch } from "~/i18n/fold";
import { admissionMessage } from "~/courses/courses.server";
import { type MessageKey, t } from "~/i18n/messages";
import "~/i18n/attendance";
import { Field, FormMessage, SelectField, useActionResult, useSuccessKey } from "~/ui/form";
import { ActionButton } from "~/ui/form-parts";
import { Card, PageHeader } from "~/ui/page";
import { DataTable } from "~/ui/table";

/** The class list: search, add one learner by hand, remove one, reissue activation codes. */
export const access = attendancePermissions.manageAttendance;

export const meta: MetaFunction = () => [{ title: `${t("att.roster.title")} · ${t("app.name")}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const course = await reachableCourse(auth, params.courseId, access);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const [roster, pending] = await Promise.all([rosterOf(course.id), pendingActivations(course.id)]);
  return {
    course: { id: course.id, title: course.title },
    origin: new URL(request.url).origin,
    days: ACTIVATION_DAYS,
    q,
    total: roster.length,
    rows: roster
      .filter((l) => !q || matchesSearch(l.search, q))
      .sort(byUnitThenName)
      .map((l) => ({ id: l.id, name: l.fullName, contact: [l.phone, l.email].filter(Boolean).join(" · "), unit: l.unitName, pending: pending.has(l.id) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireUser(request, access);
  const course = await changeableCourse(auth, params.courseId, access);
  const form = await parseRequestForm(request, rosterActionSchema);
  if (!form.ok) return invalid(form);
  const input = form.data;
  if (input.intent === "remove") {
    if (!(await removeLearner(course.id, input.userId))) return invalid({ _form: t("att.roster.notInCourse") }, { status: 404 });
    return ok({ message: t("att.roster.removed"), codes: [] });
  }
  if (input.intent === "reissue") {
    const codes = await reissueCodes(course.id);
    return ok({ message: codes.length ? "" : t("att.roster.noPending"), codes: codes.map(activationRow) });
  }
  const values = {
    fullName: input.fullName,
    phone: input.phone ?? "",
    email: input.email ?? "",
    unit: input.unit,
    position: input.position ?? "",
    category: input.category ?? "",
  };
  const outcome = await addLearner(course, values, input.unitChoice ?? null);
  if (!outcome.ok && outcome.error === "invalid") {
    const errors: Record<string, string> = {};
    for (const p of outcome.problems) errors[p.column ?? "_form"] ??= t(p.message as MessageKey);
    return invalid(errors, { values, status: 422 });
  }
  if (!outcome.ok && outcome.error === "chooseUnit") {
    const units = outcome.choices.map((c) => c.name).join(", ");
    return invalid(
      { unit: t("att.roster.unitSplitChoose", { former: outcome.former, units }) },
      { values, status: 422, detail: { unitChoices: outcome.choices } },
    );
  }
  if (!outcome.ok && outcome.error === "notAudience") return invalid({ unit: t("att.roster.notAudience") }, { values, status: 422 });
  if (!outcome.ok && outcome.error === "full") return invalid({ _form: admissionMessage(outcome.error) }, { values, status: 422 });
  if (!outcome.ok) return invalid({ _form: outcome.error === "changed" ? t("att.import.changed") : admissionMessage(outcome.error) }, { values, status: 409 });
  const code = outcome.codes[0]?.code;
  const message = code ? t("att.roster.addedNew", { code }) : outcome.invited ? t("att.roster.invited") : t("att.roster.added");
  return ok({ message: outcome.notes.length ? t("att.roster.addedNote", { message, notes: outcome.notes.join("; ") }) : message, codes: [] });
}

export default function RosterPage() {
  const { course, origin, days, q, total, rows } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const e = result.errors;
  const v = result.values;
  const done = result.success;
  const unitChoices = result.detail?.unitChoices;
  const addFormKey = useSuccessKey(done);
  return (
    <>
      <PageHeader title={t("att.course.roster", { count: total })} />
      <CourseNav courseId={course.id} />
      <FormMessage tone="success">{done?.message}</FormMessage>
      <FormMessage tone="error">{e._form}</FormMessage>
      {done?.codes.length ? <ActivationCodes codes={done.codes} days={days} activateUrl={`${origin}/kich-hoat`} /> : null}
      <Card title={t("att.roster.add")}>
        <Form method="post" className="stack" noValidate key={addFormKey}>
          <input type="hidden" name="intent" value="add" />
          <Field label={t("att.column.fullName")} name="fullName" required defaultValue={v.fullName} error={e.fullName} />
          <Field label={t("att.column.phone")} name="phone" type="tel" defaultValue={v.phone} error={e.phone} />
          <Field label={t("att.column.email")} name="email" type="email" defaultValue={v.email} error={e.email} />
          <Field label={t("att.column.unit")} name="unit" required defaultValue={v.unit} error={e.unit} hint={t("att.roster.unitHint")} />
          {unitChoices?.length ? (
            // the typed unit is a former commune split between these: the trainer says which one, as in the roster preview
            <SelectField
              label={t("att.roster.unitChoice")}
              name="unitChoice"
              required
              defaultValue=""
              options={[{ value: "", label: t("att.roster.unitChoiceNone") }, ...unitChoices.map((c) => ({ value: String(c.id), label: c.name }))]}
            />
          ) : null}
          <Field label={t("att.column.position")} name="position" defaultValue={v.position} error={e.position} />
          <Field label={t("att.column.category")} name="category" defaultValue={v.category} error={e.category} hint={t("att.roster.categoryHint")} />
          <div>
            <button type="submit">{t("att.roster.add")}</button>
          </div>
        </Form>
      </Card>
      <Card title={t("att.roster.title")}>
        <Form method="get" className="toolbar" role="search">
          <Field label={t("att.roster.search")} name="q" type="search" defaultValue={q} hint={t("att.mark.searchHint")} />
          <button type="submit">{t("form.search")}</button>
        </Form>
        <Form method="post" className="toolbar">
          <input type="hidden" name="intent" value="reissue" />
          <button type="submit" className="button button--ghost">
            {t("att.roster.newCodes")}
          </button>
        </Form>
        <DataTable
          caption={t("att.roster.title")}
          columns={[
            {
              header: t("att.column.fullName"),
              cell: (r) => (
                <>
                  {r.name} {r.pending ? <span className="tag">{t("att.roster.pending")}</span> : null}
                </>
              ),
            },
            { header: t("att.column.phone"), cell: (r) => r.contact },
            { header: t("att.column.unit"), cell: (r) => r.unit },
            {
              header: t("att.session.actions"),
              cell: (r) => (
                <ActionButton intent="remove" id={{ name: "userId", value: r.id }} label={t("att.roster.removeLabel", { name: r.name })}>
                  {t("att.roster.remove")}
                </ActionButton>
              ),
            },
          ]}
          rows={rows}
          rowKey={(r) => r.id}
        />
      </Card>
    </>
  );
}
