import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { changeableCourse, reachableCourse } from "~/access/access.server";
import { attendancePermissions } from "~/attendance/permissions";
import { sessionFields, sessionsActionSchema } from "~/attendance/schemas.server";
import { courseTrainers, createClassSession, sessionsWithCounts, setSessionStatus } from "~/attendance/sessions.server";
import { vnDay } from "~/i18n/format";
import { CourseNav, SessionFields } from "~/attendance/ui";
import { requireUser } from "~/auth/guard.server";
import { issueDueInClass } from "~/certificates/class.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { issuesToErrors } from "~/forms/parse";
import { formatDate, formatTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/attendance";
import { FormMessage, useActionResult } from "~/ui/form";
import { ActionButton } from "~/ui/form-parts";
import { Card, PageHeader } from "~/ui/page";

export const access = attendancePermissions.manageAttendance;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t("att.course.title", { title: data.course.title }) : ""} · ${t("app.name")}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const course = await reachableCourse(auth, params.courseId, access);
  const [sessions, trainers] = await Promise.all([sessionsWithCounts(course.id), courseTrainers(course.id)]);
  return {
    course: { id: course.id, title: course.title },
    today: vnDay(new Date()),
    trainers: trainers.map((u) => ({ value: String(u.id), label: u.fullName })),
    sessions: sessions.map((s) => ({
      id: s.id,
      title: s.title,
      when: t("att.session.when", { date: formatDate(s.startsAt), from: formatTime(s.startsAt), to: formatTime(s.endsAt) }),
      place: s.place,
      trainer: s.trainer?.fullName ?? "",
      cancelled: s.status === "CANCELLED",
      notTaken: s.state === "notTaken",
      counts: t("att.session.counts", { present: s.counts.PRESENT, late: s.counts.LATE, excused: s.counts.EXCUSED, absent: s.counts.ABSENT }),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireUser(request, access);
  const course = await changeableCourse(auth, params.courseId, access);
  const form = await parseRequestForm(request, sessionsActionSchema);
  if (!form.ok) return invalid(form);
  const input = form.data;
  if (input.intent === "create") {
    const parsed = sessionFields.safeParse(input);
    if (!parsed.success) return invalid(issuesToErrors(parsed.error.issues), { values: stringValues(input) });
    const created = await createClassSession(course.id, parsed.data);
    if (!created.ok) return invalid({ trainerId: t("att.session.trainerInvalid") }, { values: stringValues(input), status: 422 });
    return ok({ message: t("att.session.created") });
  }
  const { count } = await setSessionStatus(course.id, input.sessionId, input.intent === "cancel" ? "CANCELLED" : "SCHEDULED");
  if (count === 0) return invalid({ _form: t("error.notFound.body") }, { status: 404 });
  await issueDueInClass(course.id, null); // a cancelled session no longer counts against anyone's rate
  return ok({ message: t(input.intent === "cancel" ? "att.session.cancelled" : "att.session.restored") });
}

function stringValues(input: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(input)) if (typeof v === "string") out[k] = v.slice(0, 300);
  return out;
}

export default function SessionsPage() {
  const { course, sessions, trainers, today } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const e = result.errors;
  const base = `/khoa-hoc/${course.id}/diem-danh`;
  return (
    <>
      <PageHeader title={t("att.course.title", { title: course.title })} />
      <CourseNav courseId={course.id} />
      <FormMessage tone="success">{result.success?.message}</FormMessage>
      <FormMessage tone="error">{e._form}</FormMessage>
      <Card title={t("att.course.sessions")}>
        {sessions.length === 0 ? <p>{t("att.session.none")}</p> : null}
        <ul className="att-sessions">
          {sessions.map((s) => (
            <li key={s.id} className={s.cancelled ? "att-cancelled" : undefined}>
              <strong>{s.title || s.when}</strong> {s.cancelled ? <span className="tag tag--off">{t("att.session.isCancelled")}</span> : null}
              {s.notTaken ? <span className="tag tag--warn">{t("att.sessionState.notTaken")}</span> : null}
              <br />
              <small className="muted">
                {s.when}
                {s.place ? ` · ${s.place}` : ""}
                {s.trainer ? ` · ${s.trainer}` : ""}
              </small>
              <br />
              <small>{s.counts}</small>
              <div className="toolbar">
                <Link className="button" to={`${base}/${s.id}`}>
                  {t("att.session.mark")}
                </Link>
                <Link className="button button--ghost" to={`${base}/${s.id}/trinh-chieu`}>
                  {t("att.session.display")}
                </Link>
                <Link className="button button--ghost" to={`${base}/${s.id}/so-ky-ten`}>
                  {t("att.session.sheet")}
                </Link>
                <Link className="button button--ghost" to={`${base}/${s.id}/sua`}>
                  {t("att.session.edit")}
                </Link>
                <ActionButton intent={s.cancelled ? "restore" : "cancel"} id={{ name: "sessionId", value: s.id }}>
                  {s.cancelled ? t("att.session.restore") : t("att.session.cancel")}
                </ActionButton>
              </div>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t("att.session.create")}>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="create" />
          <SessionFields v={{ date: today, ...result.values }} e={e} trainers={trainers} />
          <div>
            <button type="submit">{t("att.session.create")}</button>
          </div>
        </Form>
      </Card>
    </>
  );
}
