/** Pipeline statistics from the audit trail (pure aggregation of grouped counts). */
import type { UnitLevel } from "~/auth/roles";
import { pathIds } from "~/units/path";

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

export type LapsedLocality = { unitId: number; name: string; level: string; cases: number };

/**
 * Under the LAPSE rule a missed deadline costs the locality of that level its registration for the
 * year: the unit on the producer's path at the level that let the case lapse. Pure.
 */
export function lapsedLocalities(
  lapses: readonly { unitPath: string; fromLevel: string }[],
  units: readonly { id: number; name: string; level: string }[],
): LapsedLocality[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out = new Map<number, LapsedLocality>();
  for (const lapse of lapses) {
    const unit = pathIds(lapse.unitPath)
      .map((id) => byId.get(id))
      .find((u) => u?.level === lapse.fromLevel);
    if (!unit) continue;
    const row = out.get(unit.id) ?? { unitId: unit.id, name: unit.name, level: unit.level, cases: 0 };
    row.cases += 1;
    out.set(unit.id, row);
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, "vi"));
}
