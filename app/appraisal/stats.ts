/** Pipeline statistics from the audit trail (pure aggregation of grouped counts). */
import type { UnitLevel } from "~/auth/roles";

export type EventCount = { action: string; fromLevel: string; count: number };

export type Funnel = {
  ideas: number;
  submitted: number;
  appraisedByLevel: { level: UnitLevel; count: number }[];
  forwarded: number;
  approved: number;
  returned: number;
  rejected: number;
  overdue: number;
};

/** "Appraised at a level" = a decision taken there (forward, approve, return, reject). */
export function funnel(ideas: number, counts: readonly EventCount[], levels: readonly UnitLevel[]): Funnel {
  const sum = (action: string, level?: string) =>
    counts.filter((c) => c.action === action && (level === undefined || c.fromLevel === level)).reduce((s, c) => s + c.count, 0);
  return {
    ideas,
    submitted: sum("SUBMIT"),
    appraisedByLevel: levels.map((level) => ({
      level,
      count: ["FORWARD", "APPROVE", "RETURN", "REJECT"].reduce((s, a) => s + sum(a, level), 0),
    })),
    forwarded: sum("FORWARD"),
    approved: sum("APPROVE"),
    returned: sum("RETURN"),
    rejected: sum("REJECT"),
    overdue: sum("OVERDUE"),
  };
}
