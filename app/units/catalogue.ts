/**
 * The official catalogue of administrative units from 1 July 2025 (prisma/data/units-2025, its README gives the
 * sources), parsed. Pure: the files' text in, plain objects out.
 */
export type CatalogueProvince = { code: string; name: string };
export type CatalogueCommune = { code: string; name: string; provinceCode: string };
export type FormerCommune = { formerProvinceCode: string; code: string; name: string; successorCodes: string[] };

export type Catalogue = {
  provinces: CatalogueProvince[];
  communes: CatalogueCommune[];
  former: FormerCommune[];
  formerProvinces: CatalogueProvince[];
};

/** The day the two-level local government began: former units end the day before. */
export const REFORM_DATE = new Date("2025-07-01T00:00:00+07:00");

const rows = (text: string) =>
  text
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line) => line.split("\t").map((cell) => cell.trim().replace(/\s+/g, " ")));

/** The letter lists provinces as "Hà Tĩnh" and cities as "Thành phố Hà Nội"; a unit's name carries its level. */
const provinceName = (name: string) => (/^(Thành phố|Tỉnh) /.test(name) ? name : `Tỉnh ${name}`);

export function parseCatalogue(files: { provinces: string; communes: string; former: string; formerProvinces: string }): Catalogue {
  return {
    provinces: rows(files.provinces).map(([code, name]) => ({ code, name: provinceName(name) })),
    communes: rows(files.communes).map(([code, name, provinceCode]) => ({ code, name, provinceCode })),
    former: rows(files.former).map(([formerProvinceCode, code, name, successors]) => ({
      formerProvinceCode,
      code,
      name,
      successorCodes: successors.split(";").filter(Boolean),
    })),
    formerProvinces: rows(files.formerProvinces).map(([code, name]) => ({ code, name })),
  };
}

/** What loading one province brings: the province, its communes, and the former communes whose territory it took. */
export function provinceSlice(catalogue: Catalogue, provinceCode: string) {
  const province = catalogue.provinces.find((p) => p.code === provinceCode);
  if (!province) return null;
  const communes = catalogue.communes.filter((c) => c.provinceCode === provinceCode);
  const codes = new Set(communes.map((c) => c.code));
  // a former commune belongs where its (first) successor is; no split in the data crosses a province boundary
  const former = catalogue.former.filter((f) => codes.has(f.successorCodes[0]));
  return { province, communes, former };
}

/** Provinces whose name or code contains the query (folded), for the admin's search. */
export function searchProvinces(catalogue: Catalogue, query: string, fold: (s: string) => string) {
  const q = fold(query);
  if (!q) return catalogue.provinces;
  return catalogue.provinces.filter((p) => p.code === q || fold(p.name).includes(q));
}

export type ProvinceLookup = { kind: "one"; province: CatalogueProvince } | { kind: "many"; provinces: CatalogueProvince[] } | { kind: "none" };

/**
 * The one province an admin named by code ("42") or name ("Hà Tĩnh", "tinh ha tinh"): an exact code or name
 * first, else the only province whose name contains the query.
 */
export function findProvince(catalogue: Catalogue, query: string, fold: (s: string) => string): ProvinceLookup {
  const q = fold(query).replace(/^(tinh|thanh pho|tp\.?) /, "");
  if (!q) return { kind: "none" };
  const bare = (name: string) => fold(name).replace(/^(tinh|thanh pho) /, "");
  const exact = catalogue.provinces.find((p) => p.code === q.padStart(2, "0") || bare(p.name) === q);
  if (exact) return { kind: "one", province: exact };
  const found = catalogue.provinces.filter((p) => bare(p.name).includes(q));
  if (found.length === 1) return { kind: "one", province: found[0] };
  return found.length ? { kind: "many", provinces: found } : { kind: "none" };
}
