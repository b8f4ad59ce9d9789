import type { UnitLevel } from "~/auth/roles";
import { db } from "~/db/db.server";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { notify } from "~/notifications/notifications.server";
import { now } from "./clock.server";
import { bumpStat } from "./counters.server";
import { caseAsOf, isDue } from "./overdue";
import { appraisersFor, provinceOffice, rulesCache } from "./rules.server";
import { overdueStatus } from "./workflow";

/**
 * The one place that writes "overdue" (docs/decisions/0024): marks the cases past their deadline,
 * once each, with an audit event, the counters and notifications; under the province's LAPSE rule
 * the case also closes. Run by the server's schedule (server.js) and by the actions that act on a
 * case, never by a page read — pages derive the same from the deadline (`casesAsOf`). `planId`
 * limits it to one case. Returns how many it marked.
 */
export async function sweepOverdue(at = now(), planId?: number): Promise<number> {
  const due = await db().appraisalCase.findMany({ where: { status: "SUBMITTED", overdue: false, deadlineAt: { lt: at }, ...(planId ? { planId } : {}) } });
  const rulesOf = rulesCache();
  let marked = 0;
  for (const c of due) {
    const status = overdueStatus((await rulesOf(c.unitPath)).overdueRule);
    await db().$transaction(async (tx) => {
      const r = await tx.appraisalCase.updateMany({
        where: { planId: c.planId, overdue: false, revision: c.revision },
        // a flag alone leaves the revision: a decision prepared before the deadline still applies
        data: { overdue: true, status, ...(status !== c.status ? { revision: { increment: 1 } } : {}) },
      });
      if (r.count !== 1) return;
      marked++;
      const event = await tx.appraisalEvent.create({
        data: {
          planId: c.planId,
          versionNumber: c.versionNumber,
          action: "OVERDUE",
          fromStatus: c.status,
          toStatus: status,
          fromLevel: c.level,
          toLevel: c.level,
          reason: "",
          unitPath: c.unitPath,
          year: c.year,
          createdAt: at,
        },
      });
      await bumpStat(tx, c.unitPath, c.year, "OVERDUE", c.level);
      const plan = await tx.businessPlan.update({ where: { id: c.planId }, data: { status }, select: { title: true, org: { select: { ownerId: true } } } });
      const told = {
        kind: status === "LAPSED" ? "appraisal.lapsed" : "appraisal.overdue",
        key: `appraisal-event:${event.id}`,
        params: { title: plan.title },
      } as const;
      await notify(tx, { ...told, to: [plan.org.ownerId], link: `/phuong-an/${c.planId}` });
      await notify(tx, { ...told, to: await appraisersFor(tx, c.unitPath, c.level), link: `/tham-dinh/${c.planId}` });
      // the province office (its admins) hears of every missed deadline in the province
      await notify(tx, {
        kind: status === "LAPSED" ? "appraisal.office-lapsed" : "appraisal.office-overdue",
        key: told.key,
        to: await provinceOffice(tx, c.unitPath),
        params: { title: plan.title, level: t(`level.${c.level as UnitLevel}`) },
        link: "/thong-ke/tham-dinh",
      });
    });
  }
  return marked;
}

type Readable = { status: string; overdue: boolean; deadlineAt: Date; unitPath: string };

/** Cases as they stand at `at` (see overdue.ts): the rules are read only for cases that are due. */
export async function casesAsOf<C extends Readable>(cases: readonly C[], at: Date): Promise<C[]> {
  const rulesOf = rulesCache();
  return Promise.all(cases.map(async (c) => (isDue(c, at) ? caseAsOf(c, (await rulesOf(c.unitPath)).overdueRule, at) : c)));
}
