import { z } from "zod";
import { now } from "~/appraisal/clock.server";
import { db } from "~/db/db.server";
import { isUniqueViolation } from "~/db/errors";
import { intInRange } from "~/forms/fields.server";
import { t } from "~/i18n/messages";
import "~/i18n/attendance";
import { notify } from "~/notifications/notifications.server";
import { type AbsenceRuleValues, DEFAULT_ABSENCE_RULE, MAX_WARNINGS_LIMIT, learnersToWarn } from "./absence";
import { courseReport } from "./report.server";

/** The class's absence warning settings form: off, or a threshold, a number of warnings and the trainers' copy. */
export const absenceRuleSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("save"),
      minAttendancePercent: intInRange(1, 100, t("att.absence.thresholdInvalid")),
      maxWarnings: intInRange(1, MAX_WARNINGS_LIMIT, t("att.absence.maxInvalid", { max: MAX_WARNINGS_LIMIT })),
      copyTrainers: z.literal("on").optional(),
    }),
    z.object({ intent: z.literal("off") }),
  ],
  { error: t("form.invalid") },
);

/** The class's rule, or null when it warns nobody. */
export async function absenceRuleOf(courseId: number): Promise<AbsenceRuleValues | null> {
  return db().absenceRule.findUnique({ where: { courseId }, select: { minAttendancePercent: true, maxWarnings: true, copyTrainers: true } });
}

/** Saves the rule (null: warnings off; the record of warnings sent goes with it). */
export async function saveAbsenceRule(courseId: number, rule: AbsenceRuleValues | null) {
  if (!rule) {
    await db().absenceRule.deleteMany({ where: { courseId } });
    return;
  }
  await db().absenceRule.upsert({ where: { courseId }, create: { courseId, ...rule }, update: rule });
}

export const absenceFormDefaults = (rule: AbsenceRuleValues | null) => ({ enabled: rule !== null, ...(rule ?? DEFAULT_ABSENCE_RULE) });

/**
 * The absence warning job: in every class with a rule, each learner below the threshold whose
 * absences grew since their last warning (at most N warnings) is told, with a copy to the class's
 * trainers when the rule asks. The warning row and the notifications are one transaction; the row's
 * unique key (class, learner, absences) makes a re-run warn nobody twice. Returns how many were warned.
 */
export async function warnAbsences(at = now()): Promise<number> {
  const rules = await db().absenceRule.findMany({
    select: { courseId: true, minAttendancePercent: true, maxWarnings: true, copyTrainers: true, course: { select: { title: true } } },
  });
  let warned = 0;
  for (const rule of rules) {
    const report = await courseReport(rule.courseId, at);
    const sentRows = await db().absenceWarning.groupBy({
      by: ["userId"],
      where: { courseId: rule.courseId },
      _count: { _all: true },
      _max: { absences: true },
    });
    const sent = new Map(sentRows.map((r) => [r.userId, { count: r._count._all, absences: r._max.absences ?? 0 }]));
    const due = learnersToWarn(report.rates, rule, sent);
    if (!due.length) continue;
    const trainers = rule.copyTrainers
      ? (await db().courseTrainer.findMany({ where: { courseId: rule.courseId }, select: { userId: true } })).map((r) => r.userId)
      : [];
    for (const learner of due) {
      const key = `course:${rule.courseId}:user:${learner.id}:absences:${learner.absences}`;
      const params = {
        course: rule.course.title,
        name: learner.fullName,
        rate: learner.rate,
        min: rule.minAttendancePercent,
        absences: learner.absences,
        held: learner.held,
      };
      try {
        await db().$transaction(async (tx) => {
          await tx.absenceWarning.create({ data: { courseId: rule.courseId, userId: learner.id, absences: learner.absences, createdAt: at } });
          await notify(tx, { kind: "class.absence", key, to: [learner.id], params, link: `/khoa-hoc/${rule.courseId}` });
          await notify(tx, { kind: "class.absence-copy", key, to: trainers, params, link: `/khoa-hoc/${rule.courseId}/bao-cao` });
        });
        warned++;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error; // warned already (a run elsewhere got there first)
      }
    }
  }
  return warned;
}
