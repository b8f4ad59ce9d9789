import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import * as importer from "~/routes/khoa-hoc.$courseId.nhap-danh-sach";
import * as catalogue from "~/routes/quan-tri.danh-muc-don-vi";
import * as units from "~/routes/quan-tri.don-vi";
import { cookieFor, getRequest, postRequest, run, tableCounts, testContext } from "../support/http";

/** The province admin's units pages: loading provinces of the 2025 catalogue, and units the catalogue lacks. */
const URL = "/quan-tri/danh-muc-don-vi";
const load = (cookie: string, fields: Record<string, string>) =>
  run(() => catalogue.action({ request: postRequest(URL, fields, { cookie }), params: {}, context: testContext() }));
const page = (cookie: string, query = "") => run(() => catalogue.loader({ request: getRequest(URL + query, { cookie }), params: {}, context: testContext() }));

const ngheAn = () =>
  db().unit.findFirst({ where: { officialCode: "40", level: "PROVINCE" }, include: { _count: { select: { children: { where: { validUntil: null } } } } } });

async function districtAdminCookie() {
  const district = await db().unit.findUniqueOrThrow({ where: { code: "HT-CL" } });
  const user = await db().user.create({
    data: {
      fullName: "Quản trị huyện",
      phone: "0918777001",
      unitId: district.id,
      searchName: "quan tri huyen",
      roles: { create: { role: "admin", unitId: district.id } },
    },
  });
  return cookieFor(user.id);
}

describe("loading a province of the catalogue", () => {
  it("loads Nghệ An by its name with today's communes, lists it as loaded, and adds nothing when loaded again", async () => {
    const admin = await cookieFor("admin");
    expect((await page(admin, "?tim=nghe an")).data.provinces).toEqual([{ code: "40", name: "Tỉnh Nghệ An", communes: 130, loaded: false }]);
    expect(await ngheAn()).toBeNull();

    const first = await load(admin, { intent: "load", province: "Nghệ An" });
    expect(first.status).toBe(200);
    expect(first.data.message).toMatch(/^Đã tải Tỉnh Nghệ An: thêm [\d.]+ đơn vị\.$/);
    const province = await ngheAn();
    expect(province?._count.children).toBe(130);
    const former = await db().unit.count({ where: { path: { startsWith: province!.path }, validUntil: { not: null } } });
    expect(former).toBeGreaterThan(130);
    expect((await page(admin, "?tim=40")).data.provinces).toMatchObject([{ code: "40", loaded: true }]);

    const before = await tableCounts();
    const again = await load(admin, { intent: "load", province: "40" });
    expect(again.status).toBe(200);
    expect(again.data.message).toBe("Tỉnh Nghệ An đã có đủ trong hệ thống: không thêm đơn vị nào.");
    expect(await tableCounts()).toEqual(before);
  });

  it("says at the field when no province or several have that name or code, and writes nothing", async () => {
    const admin = await cookieFor("admin");
    const before = await tableCounts();
    const unknown = await load(admin, { intent: "load", province: "99" });
    expect(unknown.status).toBe(422);
    expect(unknown.data.errors).toEqual({ province: "Không có tỉnh, thành phố nào có tên hoặc mã này trong danh mục." });
    expect(unknown.data.values).toEqual({ province: "99" });
    const several = await load(admin, { intent: "load", province: "ninh" });
    expect(several.status).toBe(422);
    expect(several.data.errors.province).toMatch(/^Có nhiều tỉnh, thành phố khớp: .*Tỉnh Quảng Ninh.*Tỉnh Bắc Ninh/);
    expect((await load(admin, { intent: "load", province: "" })).data.errors.province).toBeTruthy();
    expect((await load(admin, { intent: "drop" })).status).toBe(400);
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses a district admin and a trainer, for the page and for both loads", async () => {
    const districtAdmin = await districtAdminCookie();
    for (const cookie of [districtAdmin, await cookieFor("trainer")]) {
      const before = await tableCounts();
      expect((await page(cookie)).status).toBe(403);
      expect((await load(cookie, { intent: "load", province: "40" })).status).toBe(403);
      expect((await load(cookie, { intent: "loadAll" })).status).toBe(403);
      expect(await tableCounts()).toEqual(before);
    }
    // the units page offers the catalogue to the province admin only
    const district = await run(() => units.loader({ request: getRequest("/quan-tri/don-vi", { cookie: districtAdmin }), params: {}, context: testContext() }));
    expect(district.data.mayLoadCatalogue).toBe(false);
  });

  it("loads every province once: 34 provinces, 3,321 communes of today and 10,047 former communes", async () => {
    const admin = await cookieFor("admin");
    const all = await load(admin, { intent: "loadAll" });
    expect(all.status).toBe(200);
    const count = (where: object) => db().unit.count({ where: { officialCode: { not: null }, ...where } });
    const figures = async () => [
      await count({ level: "PROVINCE" }),
      await count({ level: "COMMUNE", validUntil: null }),
      await count({ level: "COMMUNE", validUntil: { not: null } }),
    ];
    expect(await figures()).toEqual([34, 3321, 10047]);
    const before = await tableCounts();
    expect((await load(admin, { intent: "loadAll" })).data.message).toBe("Đã tải cả danh mục: thêm 0 đơn vị.");
    expect(await tableCounts()).toEqual(before);
    expect((await page(admin)).data.provinces.every((p: { loaded: boolean }) => p.loaded)).toBe(true);
  }, 120_000);
});

describe("a unit the catalogue lacks", () => {
  it("is added as local, shown so, and matched by the roster import", async () => {
    const admin = await cookieFor("admin");
    const province = await db().unit.findUniqueOrThrow({ where: { code: "HT" } });
    const added = await run(() =>
      units.action({
        request: postRequest(
          "/quan-tri/don-vi",
          { name: "Xã Sơn Hồng Mới", code: "HT-SONHONGMOI", level: "COMMUNE", parentId: String(province.id) },
          { cookie: admin },
        ),
        params: {},
        context: testContext(),
      }),
    );
    expect(added.status).toBe(200);
    const unit = await db().unit.findUniqueOrThrow({ where: { code: "HT-SONHONGMOI" } });
    expect(unit).toMatchObject({ local: true, officialCode: null, validUntil: null });
    const list = await run(() => units.loader({ request: getRequest("/quan-tri/don-vi", { cookie: admin }), params: {}, context: testContext() }));
    expect(list.data.mayLoadCatalogue).toBe(true);
    expect(list.data.units.find((u: { id: number }) => u.id === unit.id)).toMatchObject({ local: true });
    expect(list.data.units.find((u: { code: string }) => u.code === "18406")).toMatchObject({ name: "Xã Can Lộc", local: false });

    const course = await db().course.findFirstOrThrow({ orderBy: { id: "asc" } });
    const fd = new FormData();
    fd.append("file", new File(["Họ và tên,Số điện thoại,Đơn vị\nLê Thị Hồng,0916000111,son hong moi\n"], "lop.csv", { type: "text/csv" }));
    const trainer = await cookieFor("trainer");
    const preview = await run(() =>
      importer.action({
        request: postRequest(`/khoa-hoc/${course.id}/nhap-danh-sach`, fd, { cookie: trainer }),
        params: { courseId: String(course.id) },
        context: testContext(),
      }),
    );
    expect(preview.status).toBe(200);
    expect(preview.data.problems).toEqual([]);
    expect(preview.data.rows).toMatchObject([{ row: 2, unit: "Xã Sơn Hồng Mới", choices: null }]);
    const done = await run(() =>
      importer.action({
        request: postRequest(`/khoa-hoc/${course.id}/nhap-danh-sach`, { intent: "confirm", token: preview.data.token }, { cookie: trainer }),
        params: { courseId: String(course.id) },
        context: testContext(),
      }),
    );
    expect(done.status).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { phone: "0916000111" } })).unitId).toBe(unit.id);
  });
});
