import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { reachableCourse } from "~/access/access.server";
import { attendancePermissions } from "~/attendance/permissions";
import { courseReport, reportTable } from "~/attendance/report.server";
import { CourseNav } from "~/attendance/ui";
import { requireUser } from "~/auth/guard.server";
import { type MessageKey, t } from "~/i18n/messages";
import "~/i18n/attendance";
import { Field } from "~/ui/form";
import { Card, PageHeader } from "~/ui/page";
import { DataTable } from "~/ui/table";
import { Downloads } from "~/exports/ui";

/** Attendance reports of a course: per session, per learner, the class grid, and who is below the threshold. */
export const access = attendancePermissions.manageAttendance;

export const meta: MetaFunction = () => [{ title: `${t("att.report.title")} · ${t("app.name")}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const course = await reachableCourse(auth, params.courseId, access);
  const raw = new URL(request.url).searchParams.get("nguong") ?? "80";
  const thresholdOk = /^\d{1,3}$/.test(raw) && Number(raw) <= 100;
  const threshold = thresholdOk ? Number(raw) : 80;
  const report = await courseReport(course.id);
  const shortOf = (s: string) => (s ? t(`att.report.short.${s}` as MessageKey) : "–");
  const gridTable = reportTable(report, "luoi", threshold);
  const byCell = new Map(report.marks.map((m) => [`${m.sessionId}:${m.userId}`, m.status]));
  return {
    course: { id: course.id, title: course.title },
    threshold,
    thresholdError: thresholdOk ? "" : t("att.report.thresholdInvalid"),
    bySession: reportTable(report, "buoi", threshold),
    byLearner: reportTable(report, "hoc-vien", threshold),
    below: reportTable(report, "duoi-nguong", threshold),
    grid: {
      header: gridTable.header,
      rows: report.learners.map((l) => [l.fullName, l.unitName, ...report.sessions.map((s) => shortOf(byCell.get(`${s.id}:${l.id}`) ?? ""))]),
    },
  };
}

function ReportDownloads({ courseId, kind, threshold }: { courseId: number; kind: string; threshold: number }) {
  const q = `/khoa-hoc/${courseId}/bao-cao/tai-ve?bang=${kind}&nguong=${threshold}`;
  return <Downloads xlsx={`${q}&dinh-dang=xlsx`} csv={`${q}&dinh-dang=csv`} />;
}

function SimpleTable({ table, label }: { table: { header: string[]; rows: (string | number)[][] }; label: string }) {
  return (
    <DataTable
      caption={label}
      columns={table.header.map((h, j) => ({ header: h, cell: (r: { cells: (string | number)[] }) => r.cells[j] }))}
      rows={table.rows.map((cells, i) => ({ i, cells }))}
      rowKey={(r) => r.i}
    />
  );
}

export default function ReportPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("att.report.title")} />
      <CourseNav courseId={d.course.id} />
      <Card title={t("att.report.bySession")}>
        <ReportDownloads courseId={d.course.id} kind="buoi" threshold={d.threshold} />
        <SimpleTable table={d.bySession} label={t("att.report.bySession")} />
      </Card>
      <Card title={t("att.report.below")}>
        <Form method="get" className="toolbar">
          <Field
            label={t("att.report.threshold")}
            name="nguong"
            type="number"
            min={0}
            max={100}
            defaultValue={String(d.threshold)}
            error={d.thresholdError || undefined}
          />
          <button type="submit">{t("att.report.apply")}</button>
        </Form>
        <ReportDownloads courseId={d.course.id} kind="duoi-nguong" threshold={d.threshold} />
        {d.below.rows.length === 0 ? <p>{t("att.report.noneBelow")}</p> : <SimpleTable table={d.below} label={t("att.report.below")} />}
      </Card>
      <Card title={t("att.report.byLearner")}>
        <ReportDownloads courseId={d.course.id} kind="hoc-vien" threshold={d.threshold} />
        <SimpleTable table={d.byLearner} label={t("att.report.byLearner")} />
      </Card>
      <Card title={t("att.report.grid")}>
        <p className="muted">{t("att.report.gridHint")}</p>
        <ReportDownloads courseId={d.course.id} kind="luoi" threshold={d.threshold} />
        <SimpleTable table={d.grid} label={t("att.report.grid")} />
      </Card>
    </>
  );
}
