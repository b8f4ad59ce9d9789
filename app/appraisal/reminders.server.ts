import type { UnitLevel } from "~/auth/roles";
import { db } from "~/db/db.server";
import { formatDate, vnDay, vnDayStart } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { notify } from "~/notifications/notifications.server";
import { now } from "./clock.server";
import { appraisersFor } from "./rules.server";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The first reminder comes this many days before the deadline's day (the last one on that day). */
export const REMIND_DAYS_BEFORE = 2;

/**
 * Reminds the appraisers who hold a case of its deadline (the days are the province's, already in
 * `deadlineAt`): from two days before the deadline's day (a run missed that day catches up the day
 * after), and again on the last day. Each reminder's key names the case, its level and its deadline,
 * so a re-run tells nobody twice and a case forwarded to the next level gets that level's reminders.
 * A case decided, returned or already overdue is not reminded. Returns how many cases were due one.
 */
export async function remindDeadlines(at = now()): Promise<number> {
  const today = vnDay(at);
  const windowEnd = new Date(vnDayStart(today).getTime() + (REMIND_DAYS_BEFORE + 1) * DAY_MS);
  const cases = await db().appraisalCase.findMany({
    where: { status: "SUBMITTED", overdue: false, pausedAt: null, deadlineAt: { gte: at, lt: windowEnd } },
    select: { planId: true, level: true, unitPath: true, deadlineAt: true, plan: { select: { title: true } } },
  });
  for (const c of cases) {
    const deadlineDay = vnDay(c.deadlineAt);
    const lastDay = deadlineDay === today;
    await db().$transaction(async (tx) =>
      notify(tx, {
        kind: lastDay ? "appraisal.due-today" : "appraisal.due-soon",
        key: `case:${c.planId}:${c.level}:${deadlineDay}:${lastDay ? "last-day" : `due-${REMIND_DAYS_BEFORE}d`}`,
        to: await appraisersFor(tx, c.unitPath, c.level),
        params: { title: c.plan.title, level: t(`level.${c.level as UnitLevel}`), deadline: formatDate(c.deadlineAt) },
        link: `/tham-dinh/${c.planId}`,
      }),
    );
  }
  return cases.length;
}
