/** Keeps AppraisalStat in step with the audit trail: one upsert per (ancestor unit, metric). */
import { db } from "~/db/db.server";
import { vnYear } from "~/i18n/format";
import { pathIds } from "~/units/path";

type Client = Pick<ReturnType<typeof db>, "appraisalStat">;

export async function bumpStat(client: Client, unitPath: string, year: number, metric: string, level = "", by = 1) {
  for (const unitId of pathIds(unitPath)) {
    await client.appraisalStat.upsert({
      where: { year_unitId_metric_level: { year, unitId, metric, level } },
      update: { count: { increment: by } },
      create: { year, unitId, metric, level, count: by },
    });
  }
}

/**
 * Recomputes every counter from the registered ideas, cases and events (used by the seed and after bulk
 * imports). Grouped queries, then one insert per counter.
 */
export async function rebuildStats(client: ReturnType<typeof db>) {
  const totals = new Map<string, { year: number; unitId: number; metric: string; level: string; count: number }>();
  const add = (unitPath: string, year: number, metric: string, level: string, n: number) => {
    for (const unitId of pathIds(unitPath)) {
      const key = `${year}|${unitId}|${metric}|${level}`;
      const row = totals.get(key) ?? { year, unitId, metric, level, count: 0 };
      row.count += n;
      totals.set(key, row);
    }
  };
  const events = await client.appraisalEvent.groupBy({ by: ["year", "unitPath", "action", "fromLevel"], _count: { _all: true } });
  for (const e of events) add(e.unitPath, e.year, e.action, e.fromLevel, e._count._all);
  const stars = await client.appraisalCase.groupBy({
    by: ["year", "unitPath", "officialStars"],
    where: { officialStars: { not: null } },
    _count: { _all: true },
  });
  for (const s of stars) add(s.unitPath, s.year, `STARS_${s.officialStars}`, "", s._count._all);
  const ideas = await client.productIdea.findMany({ select: { createdAt: true, org: { select: { unit: { select: { path: true } } } } } });
  for (const i of ideas) add(i.org.unit.path, vnYear(i.createdAt), "IDEA", "", 1);
  await client.appraisalStat.deleteMany({});
  const rows = [...totals.values()];
  for (let i = 0; i < rows.length; i += 500) await client.appraisalStat.createMany({ data: rows.slice(i, i + 500) });
}
