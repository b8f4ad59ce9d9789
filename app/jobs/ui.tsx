import { formatDate, formatTime } from "~/i18n/format";
import { type MessageKey, t } from "~/i18n/messages";
import { Card } from "~/ui/page";
import { DataTable } from "~/ui/table";
import type { JobStatus } from "./status.server";

// formatDate and formatTime, which learner pages already load, rather than formatDateTime, which would grow their shared chunk
const when = (value: Date | null) => (value ? `${formatDate(value)} ${formatTime(value)}` : "–");

/** The scheduled jobs on the admin settings page: last run, next run, last result or error. */
export function JobsCard({ jobs }: { jobs: JobStatus[] }) {
  return (
    <Card title={t("admin.jobs.title")}>
      <p>{t("admin.jobs.intro")}</p>
      <DataTable
        caption={t("admin.jobs.title")}
        testId="jobs"
        rows={jobs}
        rowKey={(j) => j.name}
        columns={[
          { header: t("admin.jobs.job"), cell: (j) => t(`admin.jobs.name.${j.name}` as MessageKey), rowHeader: true },
          { header: t("admin.jobs.lastRun"), cell: (j) => (j.lastStartedAt ? when(j.lastStartedAt) : t("admin.jobs.never")) },
          { header: t("admin.jobs.nextRun"), cell: (j) => when(j.nextRunAt) },
          {
            header: t("admin.jobs.result"),
            cell: (j) =>
              j.running ? (
                t("admin.jobs.running")
              ) : j.lastError ? (
                <span className="field__error">{t("admin.jobs.failed", { error: j.lastError })}</span>
              ) : j.lastResult !== null ? (
                t("admin.jobs.done", { count: j.lastResult })
              ) : (
                "–"
              ),
          },
        ]}
      />
    </Card>
  );
}
