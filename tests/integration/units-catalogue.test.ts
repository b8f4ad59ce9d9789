import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createDb, db } from "~/db/db.server";
import * as importer from "~/routes/khoa-hoc.$courseId.nhap-danh-sach";
import * as stats from "~/routes/thong-ke.tham-dinh";
import { REFORM_DATE } from "~/units/catalogue";
import { catalogue, loadProvince } from "~/units/catalogue.server";
import { cookieFor, getRequest, postRequest, run, testContext } from "../support/http";

const MIGRATION = "20261201234953_units_catalogue";

describe("the units migration", () => {
  it("keeps the 2020 units' ids, paths and people, and marks them former with their official codes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-units-"));
    const handle = new Database(path.join(dir, "old.db"));
    try {
      const migrations = fs
        .readdirSync("prisma/migrations")
        .filter((d) => fs.existsSync(`prisma/migrations/${d}/migration.sql`))
        .sort();
      const sql = (d: string) => fs.readFileSync(`prisma/migrations/${d}/migration.sql`, "utf8");
      for (const d of migrations.filter((d) => d < MIGRATION)) handle.exec(sql(d));
      // the database as the demo left it before this migration
      handle.exec(`
        INSERT INTO "Unit" ("id", "code", "name", "level", "parentId", "path") VALUES
          (1, 'HT', 'Tỉnh Hà Tĩnh', 'PROVINCE', NULL, '/1/'),
          (2, 'HT-CL', 'Huyện Can Lộc', 'DISTRICT', 1, '/1/2/'),
          (3, 'HT-CL-THIENLOC', 'Xã Thiên Lộc', 'COMMUNE', 2, '/1/2/3/'),
          (4, 'HT-CL-LA', 'Xã Thêm Bằng Tay', 'COMMUNE', 2, '/1/2/4/');
        INSERT INTO "User" ("id", "fullName", "phone", "unitId", "searchName", "updatedAt") VALUES (7, 'Nguyễn Văn An', '0912000003', 3, 'nguyen van an', '2026-01-01T00:00:00.000+00:00');
      `);
      handle.exec(sql(MIGRATION));
      const units = handle.prepare(`SELECT "id", "code", "path", "officialCode", "validUntil" FROM "Unit" ORDER BY "id"`).all();
      expect(units).toEqual([
        { id: 1, code: "HT", path: "/1/", officialCode: "42", validUntil: null },
        { id: 2, code: "HT-CL", path: "/1/2/", officialCode: null, validUntil: "2025-06-30T17:00:00.000+00:00" },
        { id: 3, code: "HT-CL-THIENLOC", path: "/1/2/3/", officialCode: "18415", validUntil: "2025-06-30T17:00:00.000+00:00" },
        // a unit added by hand stays as it was
        { id: 4, code: "HT-CL-LA", path: "/1/2/4/", officialCode: null, validUntil: null },
      ]);
      expect(handle.prepare(`SELECT "unitId" FROM "User" WHERE "id" = 7`).get()).toEqual({ unitId: 3 });
    } finally {
      handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the catalogue on first start", () => {
  it("holds Hà Tĩnh's 69 communes of today and links the demo's 2020 communes to their successors", async () => {
    const province = await db().unit.findUniqueOrThrow({ where: { code: "HT" } });
    expect(await db().unit.count({ where: { path: { startsWith: province.path }, level: "COMMUNE", validUntil: null } })).toBe(69);
    const thienLoc = await db().unit.findUniqueOrThrow({ where: { code: "HT-CL-THIENLOC" }, include: { successors: { include: { successor: true } } } });
    expect(thienLoc.validUntil).not.toBeNull();
    expect(thienLoc.successors.map((s) => s.successor.name)).toEqual(["Xã Can Lộc"]);
  });

  it("leaves the 2020 statistics as they were when more of the catalogue is loaded", async () => {
    const admin = await cookieFor("admin");
    const read = async () =>
      (await run(() => stats.loader({ request: getRequest("/thong-ke/tham-dinh?nam=2020", { cookie: admin }), params: {}, context: testContext() }))).data
        .stats;
    const before = await read();
    expect(before.funnel.ideas).toBe(180);
    expect(await loadProvince("42")).toMatchObject({ created: 0 }); // loading twice adds nothing
    expect((await loadProvince("01"))!.created).toBeGreaterThan(126);
    expect(await read()).toEqual(before);
  });
});

describe("loading a province in bulk", () => {
  it("writes each unit and link as the rest of the app reads them, and later units still get fresh ids", async () => {
    const loaded = (await loadProvince("01"))!;
    const province = await db().unit.findUniqueOrThrow({ where: { id: loaded.provinceId } });
    const today = await db().unit.findUniqueOrThrow({ where: { code: "00070" } });
    expect(today).toMatchObject({ name: "Phường Hoàn Kiếm", officialCode: "00070", level: "COMMUNE", parentId: province.id, active: true, local: false });
    expect(today.path).toBe(`${province.path}${today.id}/`);
    expect(today.validFrom).toEqual(REFORM_DATE);
    expect(today.validUntil).toBeNull();
    expect(today.createdAt).toBeInstanceOf(Date);
    const former = await db().unit.findUniqueOrThrow({ where: { code: "00001-cu" }, include: { successors: { include: { successor: true } } } });
    expect(former).toMatchObject({ name: "Phường Phúc Xá", officialCode: "00001", active: false, validFrom: null, validUntil: REFORM_DATE });
    expect(former.successors.map((s) => s.successor.code)).toEqual(["00097"]);
    const links = await db().unitSuccessor.count({ where: { former: { path: { startsWith: province.path } } } });
    expect(links).toBe(
      catalogue()
        .former.filter((f) => f.formerProvinceCode === "01")
        .reduce((n, f) => n + f.successorCodes.length, 0),
    );
    // the ids were given by the loader: the table's own counter must still be past them
    const max = (await db().unit.aggregate({ _max: { id: true } }))._max.id!;
    expect((await db().unit.create({ data: { code: "LOCAL-1", name: "Xã Mới", level: "COMMUNE", path: "" } })).id).toBeGreaterThan(max);
  });

  it("gives distinct ids when two provinces load at once beside a unit created the usual way (two connections, as two processes)", async () => {
    // on SQLite one process writes, so "another process" is the same client; on PostgreSQL it is a second pool
    const other = process.env.DATABASE_URL!.startsWith("postgres") ? createDb(process.env.DATABASE_URL) : db();
    try {
      const [a, b, local] = await Promise.all([
        loadProvince("01", db()),
        loadProvince("79", other),
        other.unit.create({ data: { code: "LOCAL-2", name: "Xã Mới Lập", level: "COMMUNE", path: "" } }),
      ]);
      const ids = (await db().unit.findMany({ select: { id: true } })).map((u) => u.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(a!.created).toBeGreaterThan(100);
      expect(b!.created).toBeGreaterThan(100);
      const under = (provinceId: number) => db().unit.count({ where: { parentId: provinceId } });
      expect(await under(a!.provinceId)).toBe(a!.created - 1);
      expect(await under(b!.provinceId)).toBe(b!.created - 1);
      expect(ids).toContain(local.id);
    } finally {
      if (other !== db()) await other.$disconnect();
    }
  });
});

async function xlsx(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Danh sách");
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("a 2026 roster written with the old units", () => {
  it("previews former units as notices, asks where a split commune's person goes, and imports after the choice", async () => {
    const c = await db().course.findFirstOrThrow({ orderBy: { id: "asc" } });
    const cookie = await cookieFor("trainer");
    const fd = new FormData();
    const file = await xlsx([
      ["Họ và tên", "Số điện thoại", "Đơn vị", "Đối tượng"],
      ["Đinh Văn Cũ", "84915000001", "Xã Thiên Lộc, Huyện Can Lộc", "cán bộ xã"],
      ["Đinh Thị Huyện", "(+84) 915 000 002", "Huyện Hương Sơn", "cán bộ huyện"],
      ["Đinh Văn Chia", "0915.000.003", "Phường Đại Nài", "chủ thể OCOP"],
      ["Đinh Thị Mới", "02393855123", "18406", "cán bộ xã"],
    ]);
    fd.append("file", new File([file.slice().buffer], "lop-2026.xlsx"));
    const url = `/khoa-hoc/${c.id}/nhap-danh-sach`;
    const post = (body: FormData | Record<string, string>) =>
      run(() => importer.action({ request: postRequest(url, body, { cookie }), params: { courseId: String(c.id) }, context: testContext() }));
    const res = await post(fd);
    expect(
      res.data.problems.filter((p: { severity: string }) => p.severity === "error").map((p: { message: string; value: string }) => p.message + p.value),
    ).toEqual([]);
    expect(res.status).toBe(200);
    expect(res.data.problems.map((p: { severity: string; value: string }) => [p.severity, p.value])).toEqual([
      ["notice", "Xã Thiên Lộc → Xã Can Lộc"],
      ["notice", "Huyện Hương Sơn → Tỉnh Hà Tĩnh"],
      ["notice", expect.stringMatching(/^Phường Đại Nài → .+, .+/)],
    ]);
    const split = res.data.rows.find((r: { row: number }) => r.row === 4);
    expect(split.choices).toHaveLength(2);

    // without a choice nothing is written
    expect((await post({ intent: "confirm", token: res.data.token })).status).toBe(422);
    expect(await db().user.count({ where: { phone: "0915000001" } })).toBe(0);

    const done = await post({ intent: "confirm", token: res.data.token, "unit-4": String(split.choices[1].id) });
    expect(done.status).toBe(200);
    const people = await db().user.findMany({
      where: { phone: { in: ["0915000001", "0915000002", "0915000003", "02393855123"] } },
      select: { phone: true, unit: { select: { name: true } }, enrolments: { select: { unitNote: true } } },
      orderBy: { phone: "asc" },
    });
    expect(people.map((p) => [p.phone, p.unit?.name, p.enrolments[0]?.unitNote])).toEqual([
      ["02393855123", "Xã Can Lộc", null],
      ["0915000001", "Xã Can Lộc", null],
      ["0915000002", "Tỉnh Hà Tĩnh", "Huyện Hương Sơn"],
      ["0915000003", split.choices[1].name, null],
    ]);
  });
});
