import type { UnitLevel } from "~/auth/roles";
import { db } from "~/db/db.server";
import { type ProvinceRules, rulesToRow } from "./settings";
import { childPath } from "./path";
import { canContain, treeOrder } from "./tree";

/**
 * Every active unit within any of the given subtrees (paths), in tree order; with `onlyIds`, only those of them
 * (a filter that offers a handful of units reads those, not every commune of the province: decision 0053).
 */
export async function unitsWithin(paths: readonly string[], onlyIds?: readonly number[]) {
  if (paths.length === 0 || onlyIds?.length === 0) return [];
  const units = await db().unit.findMany({
    where: { OR: paths.map((p) => ({ path: { startsWith: p } })), active: true, ...(onlyIds ? { id: { in: [...onlyIds] } } : {}) },
    select: { id: true, name: true, code: true, level: true, parentId: true, path: true, local: true },
  });
  return treeOrder(units);
}

/** A unit of today: not ended by the 2025 reform (or later), not disabled by an admin. */
const TODAY = { active: true, validUntil: null };

/**
 * What the public sign-up offers, one step at a time so a phone never gets the whole country in one list: today's
 * provinces, and once one is chosen (or when the instance holds only one) that province and its units of today.
 */
export async function signUpUnits(provinceId: number | null) {
  const provinces = (await db().unit.findMany({ where: { level: "PROVINCE", ...TODAY }, select: { id: true, name: true, path: true } })).sort((a, b) =>
    a.name.localeCompare(b.name, "vi"),
  );
  const province = provinces.find((p) => p.id === provinceId) ?? (provinces.length === 1 ? provinces[0] : null);
  const units = province
    ? treeOrder(
        await db().unit.findMany({
          where: { path: { startsWith: province.path }, ...TODAY },
          select: { id: true, name: true, code: true, level: true, parentId: true, path: true },
        }),
      )
    : [];
  return { provinces: provinces.map((p) => ({ id: p.id, name: p.name })), province: province && { id: province.id, name: province.name }, units };
}

/** Writes a province's appraisal rules (the row form of `rulesToRow`). */
export function saveProvinceRules(provinceId: number, rules: ProvinceRules) {
  const row = rulesToRow(rules);
  return db().provinceSettings.upsert({ where: { unitId: provinceId }, create: { unitId: provinceId, ...row }, update: row });
}

export type CreateUnitResult = { ok: true; id: number } | { ok: false; error: "codeTaken" | "badParent" };

/** Adds a unit the catalogue lacks under `parentId` (marked local); its path is set inside the same transaction. */
export async function createUnit(input: { name: string; code: string; level: UnitLevel; parentId: number }): Promise<CreateUnitResult> {
  return db().$transaction(async (tx) => {
    const parent = await tx.unit.findUnique({ where: { id: input.parentId } });
    if (!parent || !canContain(parent.level as UnitLevel, input.level)) return { ok: false, error: "badParent" } as const;
    if (await tx.unit.findUnique({ where: { code: input.code } })) return { ok: false, error: "codeTaken" } as const;
    const unit = await tx.unit.create({
      data: { name: input.name, code: input.code, level: input.level, parentId: parent.id, path: "", local: true },
    });
    await tx.unit.update({ where: { id: unit.id }, data: { path: childPath(parent.path, unit.id) } });
    return { ok: true, id: unit.id } as const;
  });
}
