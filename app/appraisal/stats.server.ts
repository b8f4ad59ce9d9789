import { reachableUnits } from "~/access/access.server";
import type { Auth } from "~/auth/guard.server";
import { db } from "~/db/db.server";
import { vnYear } from "~/i18n/format";
import { pathIds } from "~/units/path";
import { now } from "./clock.server";
import { rulesFor } from "./rules.server";
import { appraisalPermissions } from "./permissions";
import { funnel, lapsedLocalities } from "./stats";

/** The units named in some paths, abolished ones included (a 2020 district). */
async function unitsOnPaths(paths: string[]) {
  const ids = [...new Set(paths.flatMap((p) => pathIds(p)))];
  return ids.length ? db().unit.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, level: true } }) : [];
}

/** Statistics for a year and a unit the user may see (appraisers and admins: only their units). */
/** What the statistics query asks for (`donvi`, `nam`), as the route read it; unknown values fall back. */
export type StatsQuery = { unit: string | null; year: string | null };

export function statsQuery(search: URLSearchParams): StatsQuery {
  return { unit: search.get("donvi"), year: search.get("nam") };
}

export async function statsFor(auth: Auth, query: StatsQuery) {
  const units = await reachableUnits(auth, appraisalPermissions.statistics);
  const unit = units.find((u) => String(u.id) === query.unit) ?? units[0];
  const rawYear = query.year;
  const year = rawYear && /^\d{4}$/.test(rawYear) ? Number(rawYear) : vnYear(now());
  if (!unit) return null;
  const at = now();
  const [counted, rules, lapsesWritten, due] = await Promise.all([
    db().appraisalStat.findMany({ where: { year, unitId: unit.id } }),
    rulesFor(unit.path),
    db().appraisalEvent.findMany({
      where: { action: "OVERDUE", toStatus: "LAPSED", year, unitPath: { startsWith: unit.path } },
      select: { unitPath: true, fromLevel: true },
    }),
    // past their deadline but not yet swept: counted as the sweep will count them (overdue.server.ts)
    db().appraisalCase.findMany({
      where: { status: "SUBMITTED", overdue: false, deadlineAt: { lt: at }, year, unitPath: { startsWith: unit.path } },
      select: { unitPath: true, level: true },
    }),
  ]);
  const rows = [...counted, ...due.map((c) => ({ metric: "OVERDUE", level: c.level, count: 1 }))];
  const lapses = [...lapsesWritten, ...(rules.overdueRule === "LAPSE" ? due.map((c) => ({ unitPath: c.unitPath, fromLevel: c.level })) : [])];
  const count = (metric: string) => rows.filter((r) => r.metric === metric).reduce((n, r) => n + r.count, 0);
  const grouped = rows.filter((r) => r.metric !== "IDEA" && !r.metric.startsWith("STARS_"));
  return {
    year,
    unit: { id: unit.id, name: unit.name },
    units: units.map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
    funnel: funnel(
      count("IDEA"),
      grouped.map((g) => ({ action: g.metric, fromLevel: g.level, count: g.count })),
      // the levels that acted that year, in chain order (2020 keeps its district level), and this year
      // also the current chain's levels that have not acted yet
      (["COMMUNE", "DISTRICT", "PROVINCE"] as const).filter((l) => grouped.some((g) => g.level === l) || (year === vnYear(at) && rules.levels.includes(l))),
    ),
    stars: [1, 2, 3, 4, 5].map((n) => ({ stars: n, count: count(`STARS_${n}`) })),
    overdueRule: rules.overdueRule,
    // the localities that lost the year's registration (the rule may have changed during the year, so read the events)
    lapsed: lapsedLocalities(lapses, await unitsOnPaths(lapses.map((l) => l.unitPath))),
  };
}

export type Stats = NonNullable<Awaited<ReturnType<typeof statsFor>>>;
