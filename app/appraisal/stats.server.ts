import type { Auth } from "~/auth/guard.server";
import { db } from "~/db/db.server";
import { unitsWithin } from "~/units/units.server";
import { localYear } from "./deadline";
import { now } from "./clock.server";
import { rulesFor } from "./appraisal.server";
import { appraisalPermissions } from "./permissions";
import { funnel } from "./stats";

const OFFSET_MS = 7 * 3_600_000;

/** Statistics for a year and a unit the user may see (appraisers and admins: only their units). */
export async function statsFor(auth: Auth, url: URL) {
  const paths = auth.user.grants.filter((g) => appraisalPermissions.statistics.roles.includes(g.role)).map((g) => g.unitPath);
  const units = await unitsWithin(paths);
  const rawUnit = url.searchParams.get("donvi");
  const unit = units.find((u) => String(u.id) === rawUnit) ?? units[0];
  const rawYear = url.searchParams.get("nam");
  const year = rawYear && /^\d{4}$/.test(rawYear) ? Number(rawYear) : localYear(now());
  if (!unit) return null;
  const from = new Date(Date.UTC(year, 0, 1) - OFFSET_MS);
  const to = new Date(Date.UTC(year + 1, 0, 1) - OFFSET_MS);
  const [ideas, grouped, stars, rules] = await Promise.all([
    db().businessPlan.count({ where: { createdAt: { gte: from, lt: to }, org: { unit: { path: { startsWith: unit.path } } } } }),
    db().appraisalEvent.groupBy({ by: ["action", "fromLevel"], where: { year, unitPath: { startsWith: unit.path } }, _count: { _all: true } }),
    db().appraisalCase.groupBy({ by: ["officialStars"], where: { year, status: "APPROVED", unitPath: { startsWith: unit.path } }, _count: { _all: true } }),
    rulesFor(unit.path),
  ]);
  return {
    year,
    unit: { id: unit.id, name: unit.name },
    units: units.map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
    funnel: funnel(
      ideas,
      grouped.map((g) => ({ action: g.action, fromLevel: g.fromLevel, count: g._count._all })),
      // show every level that has events, in chain order (a 2020 year still has its district level)
      (["COMMUNE", "DISTRICT", "PROVINCE"] as const).filter((l) => rules.levels.includes(l) || grouped.some((g) => g.fromLevel === l)),
    ),
    stars: [1, 2, 3, 4, 5].map((n) => ({ stars: n, count: stars.find((s) => s.officialStars === n)?._count._all ?? 0 })),
  };
}

export type Stats = NonNullable<Awaited<ReturnType<typeof statsFor>>>;
