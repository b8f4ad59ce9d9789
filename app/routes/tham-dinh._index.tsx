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

export const access = appraisalPermissions.appraise;

export const meta: MetaFunction = () => [{ title: `${t("appraisal.queue.title")} · ${t("app.name")}` }];

/** The appraiser's queue: cases at their level within their units, most urgent first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access);
  const at = now();
  const [cases, handled] = await Promise.all([queueIn(caseWhere(auth, access, { acting: true }), at), handledBy(auth.user.id, reachableUnitPaths(auth, access), 100, at)]);
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
      {rows.length === 0 ? (
        <p>{t("appraisal.queue.none")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="queue">
            <thead>
              <tr>
                <th scope="col">{t("appraisal.plan")}</th>
                <th scope="col">{t("appraisal.level")}</th>
                <th scope="col">{t("appraisal.received")}</th>
                <th scope="col">{t("appraisal.deadline")}</th>
                <th scope="col">{t("appraisal.timeLeft")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.planId} className={r.overdue ? "is-overdue" : undefined}>
                  <td>
                    <Link to={`/tham-dinh/${r.planId}`}>{r.title}</Link>
                    <br />
                    <small className="muted">
                      {r.org} · {t("appraisal.version", { n: r.version })}
                    </small>
                  </td>
                  <td>{r.level}</td>
                  <td>{r.received}</td>
                  <td>{r.deadline}</td>
                  <td>{r.overdue ? <strong className="overdue">{r.left}</strong> : r.left}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("appraisal.handled.title")}</h2>
      <p className="muted">{t("appraisal.handled.intro")}</p>
      {handled.length === 0 ? (
        <p>{t("appraisal.handled.none")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="handled">
            <thead>
              <tr>
                <th scope="col">{t("appraisal.plan")}</th>
                <th scope="col">{t("appraisal.handled.mine")}</th>
                <th scope="col">{t("appraisal.handled.now")}</th>
              </tr>
            </thead>
            <tbody>
              {handled.map((h) => (
                <tr key={h.planId}>
                  <td>
                    <Link to={`/tham-dinh/${h.planId}`}>{h.title}</Link>
                    <br />
                    <small className="muted">{h.org}</small>
                  </td>
                  <td>
                    {h.decision}
                    <br />
                    <small className="muted">{h.decidedAt}</small>
                  </td>
                  <td>
                    {h.status} · {h.level}
                    {h.clock ? (
                      <>
                        <br />
                        <small>{h.clock}</small>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
