import fs from "node:fs";
import path from "node:path";
import { type Db, db } from "~/db/db.server";
import { type Cell, insertRows, reserveIds } from "~/db/bulk.server";
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

const UNIT_COLUMNS = ["id", "code", "officialCode", "name", "level", "parentId", "path", "validFrom", "validUntil", "active", "local", "createdAt"];

/**
 * Loads one province of the catalogue: the province (found by its official code, e.g. the demo's Hà Tĩnh, or
 * created), its communes of today, its former communes (ended on 1 July 2025, hidden from today's pickers) and the
 * links from each former commune to its successor(s). Units already there are kept as they are (ids, paths, data),
 * so loading twice changes nothing. One transaction of a few statements: the ids are reserved first (from the id
 * sequence on PostgreSQL, so several processes never share one), so every unit is written with its path in one bulk
 * insert, then every link in another (decision 0038).
 */
export async function loadProvince(code: string, client: Db = db()): Promise<LoadResult | null> {
  const slice = provinceSlice(catalogue(), code);
  if (!slice) return null;
  return client.$transaction(
    async (tx) => {
      const found = await tx.unit.findFirst({ where: { officialCode: code, level: "PROVINCE" }, select: { id: true, path: true } });
      // a province loaded just now has nothing under it yet
      const existing = found
        ? await tx.unit.findMany({
            where: { path: { startsWith: found.path }, officialCode: { not: null } },
            select: { id: true, officialCode: true, validUntil: true },
          })
        : [];
      const current = new Map(existing.filter((u) => !u.validUntil).map((u) => [u.officialCode!, u.id]));
      const former = new Map(existing.filter((u) => u.validUntil).map((u) => [u.officialCode!, u.id]));
      const newCommunes = slice.communes.filter((c) => !current.has(c.code));
      const newFormer = slice.former.filter((f) => !former.has(f.code));
      const ids = await reserveIds(tx, "Unit", (found ? 0 : 1) + newCommunes.length + newFormer.length);
      const province = found ?? { id: ids.shift()!, path: "" };
      province.path ||= `/${province.id}/`;

      const now = new Date();
      const rows: Cell[][] = found ? [] : [[province.id, code, code, slice.province.name, "PROVINCE", null, province.path, null, null, true, false, now]];
      const add = (known: Map<string, number>, officialCode: string, ourCode: string, name: string, from: Date | null, until: Date | null) => {
        const id = ids.shift()!;
        known.set(officialCode, id);
        rows.push([id, ourCode, officialCode, name, "COMMUNE", province.id, `${province.path}${id}/`, from, until, !until, false, now]);
      };
      for (const c of newCommunes) add(current, c.code, c.code, c.name, REFORM_DATE, null);
      for (const f of newFormer) add(former, f.code, formerCode(f.code), f.name, null, REFORM_DATE);
      await insertRows(tx, "Unit", UNIT_COLUMNS, rows);
      if (!found) await tx.provinceSettings.create({ data: { unitId: province.id } });

      const linked = new Set(
        found
          ? (
              await tx.unitSuccessor.findMany({ where: { former: { path: { startsWith: province.path } } }, select: { formerId: true, successorId: true } })
            ).map((l) => `${l.formerId}:${l.successorId}`)
          : [],
      );
      const links = slice.former.flatMap((f) => {
        const formerId = former.get(f.code)!;
        return f.successorCodes.flatMap((s) => {
          const successorId = current.get(s);
          return successorId && !linked.has(`${formerId}:${successorId}`) ? [[formerId, successorId]] : [];
        });
      });
      await insertRows(tx, "UnitSuccessor", ["formerId", "successorId"], links);
      return { provinceId: province.id, created: rows.length };
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

/**
 * Every unit within a subtree (today's, former, admin-disabled alike) as the roster matcher needs it. Reads only:
 * two flat queries (the units, then the links), which for the whole country cost half of loading each unit's
 * successors as a relation.
 */
export async function matchUnitsWithin(pathPrefix: string | null, client: Db = db()): Promise<MatchUnit[]> {
  const within = pathPrefix ? { path: { startsWith: pathPrefix } } : {};
  const [units, links] = await Promise.all([
    client.unit.findMany({ where: within, select: { id: true, name: true, code: true, officialCode: true, level: true, parentId: true, validUntil: true } }),
    client.unitSuccessor.findMany({ where: pathPrefix ? { former: within } : {}, select: { formerId: true, successorId: true } }),
  ]);
  const successors = new Map<number, number[]>();
  for (const l of links) {
    const list = successors.get(l.formerId);
    if (list) list.push(l.successorId);
    else successors.set(l.formerId, [l.successorId]);
  }
  return units.map((u) => ({
    id: u.id,
    name: u.name,
    code: u.code,
    officialCode: u.officialCode,
    level: u.level,
    parentId: u.parentId,
    former: u.validUntil !== null,
    successorIds: successors.get(u.id) ?? [],
  }));
}
