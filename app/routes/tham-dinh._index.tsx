import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { appraisalPermissions } from "~/appraisal/permissions";
import { caseWhere, reachableUnitPaths } from "~/access/access.server";
import { handledBy, queueIn } from "~/appraisal/appraisal.server";
import { now } from "~/appraisal/clock.server";
import { timeLeft } from "~/appraisal/deadline";
import { requireUser } from "~/auth/guard.server";
import { formatDateTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { PageHeader } from "~/ui/page";
import { DataTable } from "~/ui/table";

export const access = appraisalPermissions.appraise;

export const meta: MetaFunction = () => [{ title: `${t("appraisal.queue.title")} · ${t("app.name")}` }];

/** The appraiser's queue: cases at their level within their units, most urgent first. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const at = now();
  const [cases, handled] = await Promise.all([
    queueIn(caseWhere(auth, access, { acting: true }), at),
    handledBy(auth.user.id, reachableUnitPaths(auth, access), 100, at),
  ]);
  const statusLabel = (s: string) => t(`appraisal.status.${s}` as "appraisal.status.SUBMITTED");
  return {
    handled: handled.map((h) => ({
      planId: h.planId,
      title: h.title,
      org: h.org,
      decision: t(`appraisal.decision.${h.decision}` as "appraisal.decision.FORWARD"),
      decidedAt: formatDateTime(h.decidedAt),
      status: statusLabel(h.case.status),
      level: t(`level.${h.case.level}` as "level.COMMUNE"),
      // with the producer the level's clock does not run (see deadline.ts clockOf)
      clock: h.case.status === "RETURNED" ? t("appraisal.clock.stopped") : "",
    })),
    rows: cases.map((c) => {
      const left = timeLeft(at, c.deadlineAt);
      return {
        planId: c.planId,
        title: c.plan.title,
        org: c.plan.org.name,
        level: t(`level.${c.level}` as "level.COMMUNE"),
        version: c.versionNumber,
        received: formatDateTime(c.receivedAt),
        deadline: formatDateTime(c.deadlineAt),
        overdue: left.overdue,
        left: left.overdue ? t("appraisal.overdueBy", { days: left.days, hours: left.hours }) : t("appraisal.left", { days: left.days, hours: left.hours }),
      };
    }),
  };
}

export default function Queue() {
  const { rows, handled } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("appraisal.queue.title")} />
      <p className="muted">{t("appraisal.queue.intro")}</p>
      <DataTable
        caption={t("appraisal.queue.title")}
        testId="queue"
        rows={rows}
        rowKey={(r) => r.planId}
        empty={t("appraisal.queue.none")}
        rowProps={(r) => ({ className: r.overdue ? "is-overdue" : undefined })}
        columns={[
          {
            header: t("appraisal.plan"),
            cell: (r) => (
              <>
                <Link to={`/tham-dinh/${r.planId}`}>{r.title}</Link>
                <br />
                <small className="muted">
                  {r.org} · {t("appraisal.version", { n: r.version })}
                </small>
              </>
            ),
          },
          { header: t("appraisal.level"), cell: (r) => r.level },
          { header: t("appraisal.received"), cell: (r) => r.received },
          { header: t("appraisal.deadline"), cell: (r) => r.deadline },
          { header: t("appraisal.timeLeft"), cell: (r) => (r.overdue ? <strong className="overdue">{r.left}</strong> : r.left) },
        ]}
      />
      <h2>{t("appraisal.handled.title")}</h2>
      <p className="muted">{t("appraisal.handled.intro")}</p>
      <DataTable
        caption={t("appraisal.handled.title")}
        testId="handled"
        rows={handled}
        rowKey={(h) => h.planId}
        empty={t("appraisal.handled.none")}
        columns={[
          {
            header: t("appraisal.plan"),
            cell: (h) => (
              <>
                <Link to={`/tham-dinh/${h.planId}`}>{h.title}</Link>
                <br />
                <small className="muted">{h.org}</small>
              </>
            ),
          },
          {
            header: t("appraisal.handled.mine"),
            cell: (h) => (
              <>
                {h.decision}
                <br />
                <small className="muted">{h.decidedAt}</small>
              </>
            ),
          },
          {
            header: t("appraisal.handled.now"),
            cell: (h) => (
              <>
                {h.status} · {h.level}
                {h.clock ? (
                  <>
                    <br />
                    <small>{h.clock}</small>
                  </>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
