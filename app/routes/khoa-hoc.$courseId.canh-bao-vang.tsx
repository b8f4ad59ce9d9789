import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { changeableCourse, reachableCourse } from "~/access/access.server";
import { MAX_WARNINGS_LIMIT } from "~/attendance/absence";
import { absenceFormDefaults, absenceRuleOf, absenceRuleSchema, saveAbsenceRule } from "~/attendance/absence.server";
import { attendancePermissions } from "~/attendance/permissions";
import { requireUser } from "~/auth/guard.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { t } from "~/i18n/messages";
import "~/i18n/attendance";
import { Field, FormMessage, useActionResult } from "~/ui/form";
import { BackLink, Card, PageHeader } from "~/ui/page";

/** A class's absence warnings (the job app/attendance/absence.server.ts sends them): threshold, how many, trainers' copy. */
export const access = attendancePermissions.manageAttendance;

export const meta: MetaFunction = () => [{ title: `${t("att.absence.title")} · ${t("app.name")}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const course = await reachableCourse(auth, params.courseId, access);
  const rule = await absenceRuleOf(course.id);
  return { course: { id: course.id, title: course.title }, rule, form: absenceFormDefaults(rule) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireUser(request, access);
  const course = await changeableCourse(auth, params.courseId, access);
  const form = await parseRequestForm(request, absenceRuleSchema);
  if (!form.ok) return invalid(form);
  const input = form.data;
  if (input.intent === "off") {
    await saveAbsenceRule(course.id, null);
    return ok({ message: t("att.absence.turnedOff") });
  }
  await saveAbsenceRule(course.id, {
    minAttendancePercent: input.minAttendancePercent,
    maxWarnings: input.maxWarnings,
    copyTrainers: input.copyTrainers === "on",
  });
  return ok({ message: t("att.absence.saved") });
}

export default function AbsenceWarningsPage() {
  const { course, rule, form } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const e = result.errors;
  return (
    <>
      <BackLink to={`/khoa-hoc/${course.id}/bao-cao`}>{t("att.course.report")}</BackLink>
      <PageHeader title={t("att.absence.title")} />
      <p>{course.title}</p>
      <FormMessage tone="success">{result.success?.message}</FormMessage>
      <FormMessage tone="error">{e._form}</FormMessage>
      <Card title={rule ? t("att.absence.on", { min: rule.minAttendancePercent, max: rule.maxWarnings }) : t("att.absence.off")}>
        <p>{t("att.absence.intro")}</p>
        <Form method="post" className="stack" noValidate>
          <Field
            label={t("att.absence.threshold")}
            name="minAttendancePercent"
            inputMode="numeric"
            defaultValue={result.values.minAttendancePercent ?? String(form.minAttendancePercent)}
            error={e.minAttendancePercent}
          />
          <Field
            label={t("att.absence.max")}
            hint={`1–${MAX_WARNINGS_LIMIT}`}
            name="maxWarnings"
            inputMode="numeric"
            defaultValue={result.values.maxWarnings ?? String(form.maxWarnings)}
            error={e.maxWarnings}
          />
          <div className="field">
            <label className="check">
              <input type="checkbox" name="copyTrainers" defaultChecked={form.copyTrainers} /> {t("att.absence.copyTrainers")}
            </label>
          </div>
          <div className="toolbar">
            <button type="submit" name="intent" value="save">
              {t("att.absence.save")}
            </button>
            {rule ? (
              <button type="submit" name="intent" value="off" className="button--ghost">
                {t("att.absence.turnOff")}
              </button>
            ) : null}
          </div>
        </Form>
      </Card>
    </>
  );
}
