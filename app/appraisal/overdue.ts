/**
 * "Overdue" as a page shows it: derived from the deadline at the moment of reading, so a case is
 * overdue the instant its clock runs out whether or not the sweep (overdue.server.ts) has written
 * that yet. The sweep writes exactly what this derives. Pure.
 */
import type { OverdueRule } from "~/units/settings";
import { overdueStatus } from "./workflow";

type CaseClock = { status: string; overdue: boolean; deadlineAt: Date };

/** Held by an officer, not yet marked, and past its deadline: the sweep has this case to mark. */
export function isDue(c: CaseClock, at: Date): boolean {
  return c.status === "SUBMITTED" && !c.overdue && c.deadlineAt.getTime() < at.getTime();
}

/** The case as it stands at `at`: a due case is overdue, and closed under the LAPSE rule. */
export function caseAsOf<C extends CaseClock>(c: C, rule: OverdueRule, at: Date): C {
  return isDue(c, at) ? { ...c, overdue: true, status: overdueStatus(rule) } : c;
}

/** The plan's status follows its case while the case is with the officers. */
export function planStatusAsOf(planStatus: string, c: { status: string } | null): string {
  return planStatus === "SUBMITTED" && c ? c.status : planStatus;
}
