import type { UnitLevel } from "~/auth/roles";
import { db } from "~/db/db.server";
import { type ProvinceRules, rulesToRow } from "./settings";
import { childPath } from "./path";
import { canContain, treeOrder } from "./tree";

/** Every unit within any of the given subtrees (paths), in tree order. */
export async function unitsWithin(paths: readonly string[]) {
  if (paths.length === 0) return [];
  const units = await db().unit.findMany({
    where: { OR: paths.map((p) => ({ path: { startsWith: p } })), active: true },
    select: { id: true, name: true, code: true, level: true, parentId: true, path: true, local: true },
  });
  return treeOrder(units);
}

/** Every active unit, in tree order (the public sign-up form's list). */
export async function activeUnits() {
  const units = await db().unit.findMany({
    where: { active: true },
    select: { id: true, name: true, code: true, level: true, parentId: true, path: true },
  });
  return treeOrder(units);
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
