import { Prisma } from "../../generated/prisma/client";
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
  // raw: every unit picker and the class list's filter read this, and Prisma compiles each model query anew
  const rows = await db().$queryRaw<UnitRowRaw[]>`
    SELECT u."id" AS "id", u."name" AS "name", u."code" AS "code", u."level" AS "level", u."parentId" AS "parentId", u."path" AS "path", u."local" AS "local"
    FROM "Unit" u
    WHERE u."active" = ${true} AND (${Prisma.join(
      paths.map((p) => pathWithinSql("u", p)),
      " OR ",
    )})
      ${onlyIds ? Prisma.sql`AND u."id" IN (${Prisma.join(onlyIds)})` : Prisma.empty}`;
  return treeOrder(
    rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      code: r.code,
      level: r.level as UnitLevel,
      parentId: r.parentId === null ? null : Number(r.parentId),
      path: r.path,
      local: r.local === true || Number(r.local) === 1,
    })),
  );
}

type UnitRowRaw = {
  id: number | bigint;
  name: string;
  code: string;
  level: string;
  parentId: number | bigint | null;
  path: string;
  local: boolean | number | bigint;
};

/** `alias.path` lies in the subtree at `path`, as SQL (paths are digits and slashes: no LIKE wildcard can occur in them). */
export function pathWithinSql(alias: "u" | "su", path: string): Prisma.Sql {
  if (!/^[/0-9]+$/.test(path)) throw new Error(`not a unit path: ${path}`);
  return Prisma.sql`${Prisma.raw(`${alias}."path"`)} LIKE ${`${path}%`}`;
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
