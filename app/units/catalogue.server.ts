import fs from "node:fs";
import path from "node:path";
import { type Db, db } from "~/db/db.server";
import { foldForSearch } from "~/i18n/fold";
import { type Catalogue, REFORM_DATE, findProvince, parseCatalogue, provinceSlice, searchProvinces } from "./catalogue";
import type { MatchUnit } from "./match";

/** The shipped catalogue (prisma/data/units-2025), read once per process. */
const DIR = path.resolve("prisma/data/units-2025");
let cached: Catalogue | undefined;

export function catalogue(): Catalogue {
  const read = (file: string) => fs.readFileSync(path.join(DIR, file), "utf8");
  cached ??= parseCatalogue({
    provinces: read("provinces.tsv"),
    communes: read("communes.tsv"),
    former: read("former-communes.tsv"),
    formerProvinces: read("former-provinces.tsv"),
  });
  return cached;
}

/** Our code of a catalogue unit: its official code; a former commune's is marked, as new communes reuse old codes. */
export const formerCode = (officialCode: string) => `${officialCode}-cu`;

export type LoadResult = { provinceId: number; created: number };

/**
 * Loads one province of the catalogue: the province (found by its official code, e.g. the demo's Hà Tĩnh, or
 * created), its communes of today, its former communes (ended on 1 July 2025, hidden from today's pickers) and the
 * links from each former commune to its successor(s). Units already there are kept as they are (ids, paths, data),
 * so loading twice changes nothing. One transaction.
 */
export async function loadProvince(code: string, client: Db = db()): Promise<LoadResult | null> {
  const slice = provinceSlice(catalogue(), code);
  if (!slice) return null;
  return client.$transaction(
    async (tx) => {
      let province = await tx.unit.findFirst({ where: { officialCode: code, level: "PROVINCE" } });
      let created = 0;
      if (!province) {
        province = await tx.unit.create({ data: { code, officialCode: code, name: slice.province.name, level: "PROVINCE", path: "" } });
        province = await tx.unit.update({ where: { id: province.id }, data: { path: `/${province.id}/` } });
        await tx.provinceSettings.create({ data: { unitId: province.id } });
        created++;
      }
      const existing = await tx.unit.findMany({
        where: { path: { startsWith: province.path }, officialCode: { not: null } },
        select: { id: true, officialCode: true, validUntil: true },
      });
      const current = new Map(existing.filter((u) => !u.validUntil).map((u) => [u.officialCode!, u.id]));
      const former = new Map(existing.filter((u) => u.validUntil).map((u) => [u.officialCode!, u.id]));
      // ids given here so each path is written with its row (no second update per unit)
      let nextId = ((await tx.unit.aggregate({ _max: { id: true } }))._max.id ?? 0) + 1;
      const rows: {
        id: number;
        code: string;
        officialCode: string;
        name: string;
        level: string;
        parentId: number;
        path: string;
        validFrom?: Date;
        validUntil?: Date;
        active: boolean;
      }[] = [];
      for (const c of slice.communes) {
        if (current.has(c.code)) continue;
        const id = nextId++;
        current.set(c.code, id);
        rows.push({
          id,
          code: c.code,
          officialCode: c.code,
          name: c.name,
          level: "COMMUNE",
          parentId: province.id,
          path: `${province.path}${id}/`,
          validFrom: REFORM_DATE,
          active: true,
        });
      }
      for (const f of slice.former) {
        if (former.has(f.code)) continue;
        const id = nextId++;
        former.set(f.code, id);
        rows.push({
          id,
          code: formerCode(f.code),
          officialCode: f.code,
          name: f.name,
          level: "COMMUNE",
          parentId: province.id,
          path: `${province.path}${id}/`,
          validUntil: REFORM_DATE,
          active: false,
        });
      }
      if (rows.length) await tx.unit.createMany({ data: rows });
      created += rows.length;
      const formerIds = [...former.values()];
      const linked = new Set(
        (await tx.unitSuccessor.findMany({ where: { formerId: { in: formerIds } }, select: { formerId: true, successorId: true } })).map(
          (l) => `${l.formerId}:${l.successorId}`,
        ),
      );
      const links = slice.former.flatMap((f) =>
        f.successorCodes.flatMap((s) => {
          const formerId = former.get(f.code)!;
          const successorId = current.get(s);
          return successorId && !linked.has(`${formerId}:${successorId}`) ? [{ formerId, successorId }] : [];
        }),
      );
      if (links.length) await tx.unitSuccessor.createMany({ data: links });
      return { provinceId: province.id, created };
    },
    { timeout: 60_000 },
  );
}

/** Every province of the catalogue (one transaction each). */
export async function loadAllProvinces(client: Db = db()) {
  let created = 0;
  for (const p of catalogue().provinces) created += (await loadProvince(p.code, client))?.created ?? 0;
  return created;
}

export type LoadNamedResult = { ok: true; name: string; created: number } | { ok: false; error: "unknown" } | { ok: false; error: "several"; names: string[] };

/** Loads the province an admin named by code or name (see `findProvince`); loading it again adds nothing. */
export async function loadNamedProvince(query: string): Promise<LoadNamedResult> {
  const found = findProvince(catalogue(), query, foldForSearch);
  if (found.kind === "none") return { ok: false, error: "unknown" };
  if (found.kind === "many") return { ok: false, error: "several", names: found.provinces.map((p) => p.name) };
  const loaded = await loadProvince(found.province.code);
  return { ok: true, name: found.province.name, created: loaded?.created ?? 0 };
}

/** The catalogue's provinces matching the search, each with its number of communes and whether it is loaded. Reads only. */
export async function catalogueProvinces(query: string) {
  const loaded = await loadedProvinceCodes();
  const communes = new Map<string, number>();
  for (const c of catalogue().communes) communes.set(c.provinceCode, (communes.get(c.provinceCode) ?? 0) + 1);
  return searchProvinces(catalogue(), query, foldForSearch).map((p) => ({ ...p, communes: communes.get(p.code) ?? 0, loaded: loaded.has(p.code) }));
}

/** The official codes of the provinces already loaded. */
export async function loadedProvinceCodes(client: Db = db()): Promise<Set<string>> {
  const rows = await client.unit.findMany({ where: { level: "PROVINCE", officialCode: { not: null } }, select: { officialCode: true } });
  return new Set(rows.map((r) => r.officialCode!));
}

/** Every unit within a subtree (today's, former, admin-disabled alike) as the roster matcher needs it. Reads only. */
export async function matchUnitsWithin(pathPrefix: string | null, client: Db = db()): Promise<MatchUnit[]> {
  const units = await client.unit.findMany({
    where: pathPrefix ? { path: { startsWith: pathPrefix } } : {},
    select: {
      id: true,
      name: true,
      code: true,
      officialCode: true,
      level: true,
      parentId: true,
      validUntil: true,
      successors: { select: { successorId: true } },
    },
  });
  return units.map((u) => ({
    id: u.id,
    name: u.name,
    code: u.code,
    officialCode: u.officialCode,
    level: u.level,
    parentId: u.parentId,
    former: u.validUntil !== null,
    successorIds: u.successors.map((s) => s.successorId),
  }));
}
