/**
 * Absence warnings (as Moodle's attendance warnings): a learner whose attendance rate falls below
 * the class's threshold is warned, again only after a further absence, and at most `maxWarnings`
 * times. Pure: the rates come from report.ts, what was sent from the warnings table.
 */
export type AbsenceRuleValues = { minAttendancePercent: number; maxWarnings: number; copyTrainers: boolean };

export const DEFAULT_ABSENCE_RULE: AbsenceRuleValues = { minAttendancePercent: 80, maxWarnings: 2, copyTrainers: true };
export const MAX_WARNINGS_LIMIT = 10;

type Rate = { id: number; held: number; attended: number; rate: number };
/** Per learner: how many warnings they got, and the absence count of the latest. */
export type SentWarnings = ReadonlyMap<number, { count: number; absences: number }>;

export function learnersToWarn<R extends Rate>(rates: readonly R[], rule: AbsenceRuleValues, sent: SentWarnings): (R & { absences: number })[] {
  return rates.flatMap((r) => {
    if (r.held === 0 || r.rate >= rule.minAttendancePercent) return [];
    const absences = r.held - r.attended;
    const before = sent.get(r.id);
    if (before && (before.count >= rule.maxWarnings || before.absences >= absences)) return [];
    return [{ ...r, absences }];
  });
}
