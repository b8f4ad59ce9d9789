import { performance } from "node:perf_hooks";
import { type Problem, validateRoster } from "../../app/attendance/roster";
import { createDb } from "../../app/db/db.server";
import { catalogue, matchUnitsWithin } from "../../app/units/catalogue.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/demo-data";
import { type Measure, type Scenario, type Server, loginCookie, percentile } from "../harness";

/**
 * The units catalogue at full size (issue 18). Three timed steps on the production server's database:
 *  1. the province admin loads every province through the catalogue page (34 provinces, 3,321 communes,
 *     10,047 former communes; target "a few seconds");
 *  2. a 2,000-row roster checked against the whole country — every unit read from the database and
 *     matched by the roster checker the import page uses (target ≤ 2 s);
 *  3. the trainer's 2,000-row preview of the demo class through the import page (matched within Hà Tĩnh).
 * The rows are written as officers write them: names with and without level words or diacritics, with
 * the province after a comma, official codes, and former communes. `ratio` is 2 s over step 2's time
 * (≥ 1: within target). --smoke loads one province and checks 200 rows; a wrong count fails the run.
 */
const ROWS = { full: 2000, smoke: 200 };
const TARGET_MS = { loadAll: 5000, countryPreview: 2000 };

const demo = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const strip = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d");
const bare = (name: string) => name.replace(/^(Xã|Phường|Đặc khu|Thị trấn) /, "");

/** Cell i of a roster column "Đơn vị", cycling through the ways people write a unit. */
function unitCell(i: number, provinceCodes?: readonly string[]): string {
  const cat = catalogue();
  const provinces = new Map(cat.provinces.map((p) => [p.code, p.name.replace(/^(Tỉnh|Thành phố) /, "")]));
  const communes = provinceCodes ? cat.communes.filter((c) => provinceCodes.includes(c.provinceCode)) : cat.communes;
  const codes = new Set(communes.map((c) => c.code));
  const former = cat.former.filter((f) => codes.has(f.successorCodes[0]));
  const c = communes[(i * 7919) % communes.length];
  const f = former[(i * 104729) % former.length];
  const home = provinces.get(c.provinceCode)!;
  const formerHome = provinces.get(cat.communes.find((x) => x.code === f.successorCodes[0])!.provinceCode)!;
  switch (i % 5) {
    case 0:
      return `${c.name}, ${home}`; // "Xã Can Lộc, Hà Tĩnh"
    case 1:
      return c.code; // "18406"
    case 2:
      return `${strip(bare(c.name)).toLowerCase()} - ${strip(home)}`; // "can loc - Ha Tinh"
    case 3:
      return `${f.name}, ${formerHome}`.normalize("NFD"); // a former commune, decomposed Unicode
    default:
      return `  ${bare(c.name)}  ,  ${home} `; // extra spaces, no level word
  }
}

export function roster(rows: number, provinceCodes?: readonly string[]): string[][] {
  const out = [["Họ và tên", "Số điện thoại", "Đơn vị"]];
  for (let i = 0; i < rows; i++) out.push([`Học viên số ${i + 1}`, `+84 97${String(i).padStart(7, "0")}`, unitCell(i, provinceCodes)]);
  return out;
}

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\n");

const kinds = (problems: Problem[]) => {
  const out: Record<string, number> = {};
  for (const p of problems) out[`${p.severity}:${p.message}`] = (out[`${p.severity}:${p.message}`] ?? 0) + 1;
  return out;
};

async function timed<T>(step: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await step();
  return [value, Math.round(performance.now() - start)];
}

export const unitsCatalogue: Scenario = {
  name: "units-catalogue",
  description: "the whole catalogue loaded through the admin page; a 2,000-row roster matched against the whole country and previewed in a class",
  baseline: "hello",
  prepare: async () => ({}),
  async run(server: Server, mode) {
    const rows = mode.smoke ? ROWS.smoke : ROWS.full;
    const admin = await loginCookie(server, demo("admin").email, DEMO_PASSWORD);
    const trainer = await loginCookie(server, demo("trainer").email, DEMO_PASSWORD);
    const post = (path: string, cookie: string, body: URLSearchParams | FormData) =>
      fetch(server.url + path, { method: "POST", headers: { cookie, origin: server.url }, body, redirect: "manual" });

    // 1. the catalogue (smoke: one province)
    const loadBody = new URLSearchParams(mode.smoke ? { intent: "load", province: "40" } : { intent: "loadAll" });
    const [loadRes, loadMs] = await timed(() => post("/quan-tri/danh-muc-don-vi", admin, loadBody));

    // 2. the whole country: read every unit, match a roster of the whole country
    const db = createDb(server.databaseUrl);
    let country: { units: number; ms: number; checked: number; problems: Record<string, number> };
    let course: { id: number };
    try {
      // smoke: only the two provinces it loaded make "the country"
      const table = { rows: roster(rows, mode.smoke ? ["40", "42"] : undefined) };
      const [checked, ms] = await timed(async () => validateRoster(table, { units: await matchUnitsWithin(null, db), accounts: [] }));
      if (!checked.ok) throw new Error(`the country roster was refused: ${checked.error}`);
      country = { units: await db.unit.count(), ms, checked: checked.rows.length, problems: kinds(checked.problems) };
      course = await db.course.findFirstOrThrow({ where: { trainers: { some: { user: { email: demo("trainer").email } } } }, orderBy: { id: "asc" } });
    } finally {
      await db.$disconnect();
    }

    // 3. the trainer's preview of a Hà Tĩnh roster through the page
    const form = new FormData();
    form.append("file", new Blob([csv(roster(rows, ["42"]))], { type: "text/csv" }), "lop-2026.csv");
    const [previewRes, previewMs] = await timed(() => post(`/khoa-hoc/${course.id}/nhap-danh-sach`, trainer, form));

    const times = [loadMs, country.ms, previewMs];
    const failed = [loadRes, previewRes].filter((r) => r.status !== 200).length;
    return {
      requests: 2,
      errors: failed,
      rps: 0,
      p50_ms: percentile(times, 50),
      p99_ms: percentile(times, 99),
      ratio: Math.round((TARGET_MS.countryPreview / Math.max(1, country.ms)) * 1000) / 1000,
      extra: {
        rows,
        catalogueLoad: { ms: loadMs, status: loadRes.status, targetMs: TARGET_MS.loadAll, withinTarget: loadMs <= TARGET_MS.loadAll },
        countryPreview: { ...country, targetMs: TARGET_MS.countryPreview, withinTarget: country.ms <= TARGET_MS.countryPreview },
        classPreview: { ms: previewMs, status: previewRes.status },
        courseId: course.id,
      },
    };
  },
  verify: async (server, measured) => {
    const extra = (measured as Measure & { extra: { rows: number; countryPreview: { checked: number; problems: Record<string, number> }; courseId: number } })
      .extra;
    const db = createDb(server.databaseUrl);
    try {
      const count = (where: object) => db.unit.count({ where: { officialCode: { not: null }, ...where } });
      const figures = [
        await count({ level: "PROVINCE" }),
        await count({ level: "COMMUNE", validUntil: null }),
        await count({ level: "COMMUNE", validUntil: { not: null } }),
      ];
      // smoke: Hà Tĩnh (the demo) and Nghệ An, with their 69 and 130 communes
      const want = extra.rows === ROWS.smoke ? [2, 69 + 130, figures[2]] : [34, 3321, 10047];
      if (figures.join() !== want.join()) throw new Error(`catalogue figures ${figures.join("/")}, expected ${want.join("/")}`);
      const staged = await db.rosterImport.findFirst({ where: { courseId: extra.courseId }, orderBy: { createdAt: "desc" } });
      const stagedRows = staged ? (JSON.parse(staged.rows) as unknown[]).length : 0;
      // every row names a real unit: none unknown, and (but a few ambiguous names) all matched
      const unknown = Object.entries(extra.countryPreview.problems)
        .filter(([k]) => k.endsWith("unitUnknown"))
        .reduce((n, [, v]) => n + v, 0);
      if (unknown > 0) throw new Error(`${unknown} country rows matched no unit`);
      if (extra.countryPreview.checked < extra.rows * 0.9) throw new Error(`only ${extra.countryPreview.checked} of ${extra.rows} country rows matched`);
      if (stagedRows < extra.rows * 0.9) throw new Error(`only ${stagedRows} of ${extra.rows} class rows staged`);
      return { catalogueFigures: { provinces: figures[0], communes: figures[1], former: figures[2] }, classRowsStaged: stagedRows };
    } finally {
      await db.$disconnect();
    }
  },
};
