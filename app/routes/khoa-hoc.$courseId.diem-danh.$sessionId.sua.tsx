import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { reachableSession, refuseIfArchived } from "~/access/access.server";
import { attendancePermissions } from "~/attendance/permissions";
import { sessionFields } from "~/attendance/schemas.server";
import { courseTrainers, updateClassSession } from "~/attendance/sessions.server";
import { formatTime, vnDay } from "~/i18n/format";
import { CourseNav, SessionFields } from "~/attendance/ui";
import { requireUser } from "~/auth/guard.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid } from "~/forms/result.server";
import { t } from "~/i18n/messages";
import "~/i18n/attendance";
import { useActionResult } from "~/ui/form";
import { Card, PageHeader } from "~/ui/page";

export const access = attendancePermissions.manageAttendance;

export const meta: MetaFunction = () => [{ title: `${t("att.session.edit")} · ${t("app.name")}` }];

async function load(request: Request, params: LoaderFunctionArgs["params"], context?: object) {
  const auth = await requireUser(request, access, context);
  const { course, session } = await reachableSession(auth, params, access);
  return { course, session };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { course, session } = await load(request, params, context);
  const trainers = await courseTrainers(course.id);
  return {
    course: { id: course.id, title: course.title },
    trainers: trainers.map((u) => ({ value: String(u.id), label: u.fullName })),
    values: {
      title: session.title,
      date: vnDay(session.startsAt),
      start: formatTime(session.startsAt),
      end: formatTime(session.endsAt),
      place: session.place,
      trainerId: session.trainerId ? String(session.trainerId) : "",
      rotateSeconds: String(session.rotateSeconds),
      graceBeforeMin: String(session.graceBeforeMin),
      graceAfterMin: String(session.graceAfterMin),
      lateAfterMin: String(session.lateAfterMin),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { course, session } = await load(request, params);
  refuseIfArchived(course);
  const form = await parseRequestForm(request, sessionFields);
  if (!form.ok) return invalid(form);
  const saved = await updateClassSession(course.id, session.id, form.data);
  if (!saved.ok) return invalid({ trainerId: t("att.session.trainerInvalid") }, { status: 422 });
  return redirect(`/khoa-hoc/${course.id}/diem-danh`);
}

export default function EditSessionPage() {
  const { course, trainers, values } = useLoaderData<typeof loader>();
  const failure = useActionResult<typeof action>();
  return (
    <>
      <PageHeader title={t("att.session.edit")} />
      <CourseNav courseId={course.id} />
      <Card title={course.title}>
        <Form method="post" className="stack" noValidate>
          <SessionFields v={{ ...values, ...failure.values }} e={failure.errors} trainers={trainers} />
          <div className="toolbar">
            <button type="submit">{t("form.save")}</button>
            <Link to={`/khoa-hoc/${course.id}/diem-danh`}>{t("form.cancel")}</Link>
          </div>
        </Form>
      </Card>
    </>
  );
}
