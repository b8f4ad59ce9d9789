import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { reachableSession } from "~/access/access.server";
import { attendancePermissions } from "~/attendance/permissions";
import { byUnitThenName } from "~/attendance/report";
import { rosterOf } from "~/attendance/sessions.server";
import { requireUser } from "~/auth/guard.server";
import { formatDate, formatTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/attendance";
import { DataTable } from "~/ui/table";

/** Printable A4 sign-in sheet, names sorted by unit, for rooms without devices. */
export const access = attendancePermissions.manageAttendance;

export const meta: MetaFunction = () => [{ title: `${t("att.sheet.title")} · ${t("app.name")}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const { course, session } = await reachableSession(auth, params, access);
  const roster = (await rosterOf(course.id)).sort(byUnitThenName);
  return {
    back: `/khoa-hoc/${course.id}/diem-danh/${session.id}`,
    course: course.title,
    session: session.title,
    when: t("att.session.heading", { date: formatDate(session.startsAt), from: formatTime(session.startsAt), to: formatTime(session.endsAt) }),
    place: session.place,
    rows: roster.map((l) => ({ id: l.id, name: l.fullName, unit: l.unitName })),
  };
}

export default function SignInSheet() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="att-sheet">
      <p className="no-print toolbar">
        <Link to={d.back}>{t("att.display.back")}</Link>
        <span className="muted">{t("att.sheet.hint")}</span>
      </p>
      <h1>
        {t("att.sheet.title")} — {d.course}
      </h1>
      <p>
        {d.session ? `${d.session} · ` : ""}
        {d.when}
        {d.place ? ` · ${d.place}` : ""}
      </p>
      <DataTable
        caption={t("att.sheet.title")}
        columns={[
          { header: t("att.sheet.no"), cell: (r) => r.n },
          { header: t("att.column.fullName"), cell: (r) => r.name },
          { header: t("att.column.unit"), cell: (r) => r.unit },
          { header: t("att.sheet.signature"), cell: () => null, className: "att-sheet__sign" },
        ]}
        rows={d.rows.map((r, i) => ({ ...r, n: i + 1 }))}
        rowKey={(r) => r.id}
      />
    </div>
  );
}
