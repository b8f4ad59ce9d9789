import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import { vnDay } from "~/i18n/format";
import * as courseIndex from "~/routes/khoa-hoc.$courseId._index";
import * as settings from "~/routes/khoa-hoc.$courseId.cai-dat";
import * as roster from "~/routes/khoa-hoc.$courseId.hoc-vien";
import * as catalogue from "~/routes/khoa-hoc._index";
import * as create from "~/routes/khoa-hoc.moi";
import * as join from "~/routes/khoa-hoc.tham-gia";
import * as sessions from "~/routes/khoa-hoc.$courseId.diem-danh._index";
import { cookieFor, demoAccount, getRequest, postRequest, run, tableCounts, testContext, userIdOf } from "../support/http";

/**
 * Classes run from the UI (issue 17): create, edit, trainers, the enrolment code, copy, and the bad input of
 * each — a Vietnamese message at the field, a 4xx, nothing written. Archived classes: tests/integration/class-archive.test.ts.
 */
const MODULES = ["kien-thuc-chung", "tieu-chi-danh-gia", "chinh-sach-ho-tro", "phuong-an-san-xuat-kinh-doanh"];

let admin: string;
let province: { id: number; path: string };
let canLoc: { id: number; path: string };
let huongSon: { id: number; path: string };

beforeEach(async () => {
  admin = await cookieFor("admin");
  const unit = (code: string) => db().unit.findUniqueOrThrow({ where: { code }, select: { id: true, path: true } });
  [province, canLoc, huongSon] = await Promise.all([unit("HT"), unit("HT-CL"), unit("HT-HS")]);
});

function classForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const positions = Object.fromEntries(MODULES.map((m, i) => [`position.${m}`, String(i + 1)]));
  return {
    title: "Lớp tập huấn OCOP cụm xã 2027",
    code: "HT-OCOP-2027-01",
    unitId: String(province.id),
    startsOn: "2027-03-01",
    endsOn: "2027-03-03",
    place: "Hội trường UBND tỉnh",
    capacity: "",
    description: "",
    ...positions,
    ...overrides,
  };
}

const postCreate = (fields: Record<string, string | string[]>, cookie = admin) =>
  run(() => create.action({ request: postRequest("/khoa-hoc/moi", fields, { cookie }), params: {}, context: testContext() }));

const postSettings = (courseId: number, fields: Record<string, string | string[]>, cookie = admin) =>
  run(() =>
    settings.action({
      request: postRequest(`/khoa-hoc/${courseId}/cai-dat`, fields, { cookie }),
      params: { courseId: String(courseId) },
      context: testContext(),
    }),
  );

async function person(fullName: string, phone: string, role: string, unitId: number) {
  return db().user.create({ data: { fullName, phone, unitId, searchName: fullName.toLowerCase(), roles: role ? { create: { role, unitId } } : undefined } });
}

async function createdClass(overrides: Record<string, string | string[]> = {}) {
  const res = await postCreate(classForm(overrides));
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  return Number(/\/khoa-hoc\/(\d+)\/cai-dat/.exec(res.location!)![1]);
}

describe("creating a class", () => {
  it("an admin creates a class with its dates, place, capacity, audience and modules in their order", async () => {
    const id = await createdClass({
      capacity: "40",
      audience: [String(canLoc.id), String(huongSon.id)],
      "position.kien-thuc-chung": "2",
      "position.tieu-chi-danh-gia": "",
      "position.chinh-sach-ho-tro": "1",
      "position.phuong-an-san-xuat-kinh-doanh": "3",
    });
    const course = await db().course.findUniqueOrThrow({ where: { id }, include: { modules: { orderBy: { position: "asc" } }, audience: true } });
    expect(course).toMatchObject({ code: "HT-OCOP-2027-01", place: "Hội trường UBND tỉnh", capacity: 40, status: "ACTIVE", enrolmentOpen: true });
    expect(vnDay(course.startsOn)).toBe("2027-03-01");
    expect(vnDay(course.endsOn)).toBe("2027-03-03");
    expect(course.enrolmentCode).toMatch(/^[A-Z2-9]{8}$/);
    expect(course.modules.map((m) => m.module)).toEqual(["chinh-sach-ho-tro", "kien-thuc-chung", "phuong-an-san-xuat-kinh-doanh"]);
    expect(course.audience.map((a) => a.unitId).sort()).toEqual([canLoc.id, huongSon.id].sort());
  });

  it("the class page lists only the class's modules, in the class's order", async () => {
    const id = await createdClass({
      "position.kien-thuc-chung": "2",
      "position.tieu-chi-danh-gia": "",
      "position.chinh-sach-ho-tro": "1",
      "position.phuong-an-san-xuat-kinh-doanh": "",
    });
    const page = await run(() =>
      courseIndex.loader({ request: getRequest(`/khoa-hoc/${id}`, { cookie: admin }), params: { courseId: String(id) }, context: testContext() }),
    );
    expect(page.status).toBe(200);
    expect(page.data.modules.map((m: { slug: string }) => m.slug)).toEqual(["chinh-sach-ho-tro", "kien-thuc-chung"]);
  });

  const refusals: [string, Record<string, string | string[]>, string, RegExp, number][] = [
    ["end before start", { startsOn: "2027-03-05", endsOn: "2027-03-01" }, "endsOn", /trước ngày bắt đầu/, 422],
    ["a duplicate class code", { code: "HT-OCOP-01" }, "code", /đã được dùng/, 422],
    ["an unknown module", { "position.khong-co": "5" }, "modules", /không tồn tại/, 422],
    ["no module", Object.fromEntries(MODULES.map((m) => [`position.${m}`, ""])), "modules", /ít nhất một chuyên đề/, 422],
    ["a date that is not one", { startsOn: "2027-02-31" }, "startsOn", /ngày hợp lệ/, 400],
  ];
  it.each(refusals)("refuses %s at the field and writes nothing", async (_name, overrides, field, message, status) => {
    const before = await tableCounts();
    const res = await postCreate(classForm(overrides));
    expect(res.status).toBe(status);
    expect(res.data.errors[field]).toMatch(message);
    expect(await tableCounts()).toEqual(before);
  });

  it("a district admin creates classes of their district only: the province, or an audience outside it, is refused at the field", async () => {
    const district = await cookieFor((await person("Quản trị huyện Can Lộc", "0918200001", "admin", canLoc.id)).id);
    const before = await tableCounts();
    const outside = await postCreate(classForm(), district);
    expect(outside.status).toBe(403);
    expect(outside.data.errors.unitId).toMatch(/không thuộc phạm vi/);
    const audience = await postCreate(classForm({ unitId: String(canLoc.id), audience: [String(huongSon.id)] }), district);
    expect(audience.status).toBe(403);
    expect(audience.data.errors.audience).toMatch(/không thuộc phạm vi/);
    expect(await tableCounts()).toEqual(before);
    const inside = await postCreate(classForm({ unitId: String(canLoc.id), code: "HT-CL-2027" }), district);
    expect(inside.status).toBe(302);
  });

  it("only admins reach the create page", async () => {
    const cookie = await cookieFor("trainer");
    const res = await run(() => create.loader({ request: getRequest("/khoa-hoc/moi", { cookie }), params: {}, context: testContext() }));
    expect(res.status).toBe(403);
  });
});

describe("editing a class", () => {
  it("refuses a capacity below the current enrolment, and writes nothing", async () => {
    const course = await db().course.findFirstOrThrow({ where: { code: "HT-OCOP-01" }, include: { _count: { select: { enrolments: true } } } });
    const before = await tableCounts();
    const res = await postSettings(course.id, { intent: "details", ...classForm({ code: course.code, capacity: String(course._count.enrolments - 1) }) });
    expect(res.status).toBe(422);
    expect(res.data.errors.capacity).toMatch(new RegExp(`có ${course._count.enrolments} học viên`));
    expect(await tableCounts()).toEqual(before);
    expect((await db().course.findUniqueOrThrow({ where: { id: course.id } })).capacity).toBeNull();
  });

  it("saves details and modules; the completion rule keeps only modules the class still teaches", async () => {
    const id = await createdClass();
    await db().completionRule.create({ data: { courseId: id, requiredModules: "kien-thuc-chung,tieu-chi-danh-gia" } });
    const res = await postSettings(id, { intent: "details", ...classForm({ title: "Lớp đổi tên", capacity: "30", "position.tieu-chi-danh-gia": "" }) });
    expect(res.status).toBe(200);
    const course = await db().course.findUniqueOrThrow({ where: { id }, include: { modules: { orderBy: { position: "asc" } }, completionRule: true } });
    expect(course.title).toBe("Lớp đổi tên");
    expect(course.capacity).toBe(30);
    expect(course.modules.map((m) => m.module)).toEqual(["kien-thuc-chung", "chinh-sach-ho-tro", "phuong-an-san-xuat-kinh-doanh"]);
    expect(course.completionRule?.requiredModules).toBe("kien-thuc-chung");
  });

  it("the demo class teaches the four modules in the shipped order", async () => {
    const course = await db().course.findFirstOrThrow({ where: { code: "HT-OCOP-01" }, include: { modules: { orderBy: { position: "asc" } } } });
    expect(course.modules.map((m) => m.module)).toEqual(MODULES);
  });
});

describe("trainers", () => {
  it("a person added as trainer of class A gets the trainer role and does trainer things in A only", async () => {
    const a = await createdClass({ code: "HT-A-2027" });
    const b = await createdClass({ code: "HT-B-2027" });
    const newcomer = await person("Cán bộ mới", "0918200002", "learner", huongSon.id);
    const added = await postSettings(a, { intent: "addTrainer", userId: String(newcomer.id) });
    expect(added.status).toBe(200);
    expect(await db().roleAssignment.count({ where: { userId: newcomer.id, role: "trainer" } })).toBe(1);
    const cookie = await cookieFor(newcomer.id);
    const sessionFields = {
      intent: "create",
      date: "2027-03-01",
      start: "08:00",
      end: "11:00",
      rotateSeconds: "30",
      graceBeforeMin: "15",
      graceAfterMin: "30",
      lateAfterMin: "15",
    };
    // the same session, posted to the class they teach and to the one they do not
    const cases = [
      { name: "A, which they teach", courseId: a, status: 200, sessionsAfter: 1 },
      { name: "B, which they do not", courseId: b, status: 404, sessionsAfter: 0 },
    ];
    for (const { name, courseId, status, sessionsAfter } of cases) {
      const res = await run(() =>
        sessions.action({
          request: postRequest(`/khoa-hoc/${courseId}/diem-danh`, sessionFields, { cookie }),
          params: { courseId: String(courseId) },
          context: testContext(),
        }),
      );
      expect(res.status, name).toBe(status);
      expect(await db().classSession.count({ where: { courseId } }), name).toBe(sessionsAfter);
    }
    // and the trainer's list shows A, not B
    const list = await run(() => catalogue.loader({ request: getRequest("/khoa-hoc", { cookie }), params: {}, context: testContext() }));
    expect(list.data.teaching.map((c: { id: number }) => c.id)).toEqual([a]);
    // removed: A is out of reach too
    expect((await postSettings(a, { intent: "removeTrainer", userId: String(newcomer.id) })).status).toBe(200);
    const after = await run(() =>
      courseIndex.loader({ request: getRequest(`/khoa-hoc/${a}`, { cookie }), params: { courseId: String(a) }, context: testContext() }),
    );
    expect(after.status).toBe(404);
  });

  it("refuses a trainer outside the admin's scope at the field, and writes nothing", async () => {
    const district = await cookieFor((await person("Quản trị huyện Can Lộc", "0918200003", "admin", canLoc.id)).id);
    const res = await postCreate(classForm({ unitId: String(canLoc.id), code: "HT-CL-2027" }), district);
    const id = Number(/\/khoa-hoc\/(\d+)\//.exec(res.location!)![1]);
    const stranger = await person("Người huyện khác", "0918200004", "learner", huongSon.id);
    const before = await tableCounts();
    const refused = await postSettings(id, { intent: "addTrainer", userId: String(stranger.id) }, district);
    expect(refused.status).toBe(403);
    expect(refused.data.errors.userId).toMatch(/không thuộc phạm vi/);
    expect(await tableCounts()).toEqual(before);
  });
});

describe("the enrolment code and joining", () => {
  const joinWith = async (code: string, cookie: string, ip: string) =>
    run(() => join.action({ request: postRequest("/khoa-hoc/tham-gia", { code }, { cookie }), params: {}, context: testContext(ip) }));

  it("rotating makes a new code (the old one stops working); a closed code lets nobody join", async () => {
    const id = await createdClass();
    const learner = await cookieFor("learner");
    const old = (await db().course.findUniqueOrThrow({ where: { id } })).enrolmentCode;
    expect((await postSettings(id, { intent: "rotateCode" })).status).toBe(200);
    const fresh = (await db().course.findUniqueOrThrow({ where: { id } })).enrolmentCode;
    expect(fresh).not.toBe(old);
    expect((await joinWith(old, learner, "10.71.0.1")).status).toBe(422);
    expect((await postSettings(id, { intent: "closeCode" })).status).toBe(200);
    const closed = await joinWith(fresh, learner, "10.71.0.2");
    expect(closed.status).toBe(422);
    expect(closed.data.errors.code).toMatch(/khóa mã ghi danh/);
    expect(await db().enrolment.count({ where: { courseId: id } })).toBe(0);
  });

  it("joining respects the audience and the capacity", async () => {
    // the demo learner's commune lies in Can Lộc; the producer's in Hương Sơn
    const id = await createdClass({ audience: [String(canLoc.id)], capacity: "1" });
    const code = (await db().course.findUniqueOrThrow({ where: { id } })).enrolmentCode;
    const producer = await joinWith(code, await cookieFor("producer"), "10.71.0.3");
    expect(producer.status).toBe(422);
    expect(producer.data.errors.code).toMatch(/đơn vị của bạn không nằm trong/);
    expect((await joinWith(code, await cookieFor("learner"), "10.71.0.4")).status).toBe(302);
    const another = await person("Học viên Can Lộc", "0918200005", "learner", canLoc.id);
    const full = await joinWith(code, await cookieFor(another.id), "10.71.0.5");
    expect(full.status).toBe(422);
    expect(full.data.errors.code).toMatch(/đủ số học viên/);
    expect(await db().enrolment.count({ where: { courseId: id } })).toBe(1);
  });

  it("a trainer's single enrolment respects the audience and the capacity", async () => {
    // a roster places people in today's communes: the audience is the commune that took Thiên Lộc in 2025
    const thienLoc = await db().unit.findUniqueOrThrow({ where: { code: "HT-CL-THIENLOC" }, include: { successors: true } });
    const today = thienLoc.successors[0]?.successorId ?? thienLoc.id;
    const id = await createdClass({ audience: [String(today)], capacity: "1" });
    await db().courseTrainer.create({ data: { courseId: id, userId: await userIdOf(demoAccount("trainer").email) } });
    const trainer = await cookieFor("trainer");
    const add = (fields: Record<string, string>) =>
      run(() =>
        roster.action({
          request: postRequest(`/khoa-hoc/${id}/hoc-vien`, { intent: "add", ...fields }, { cookie: trainer }),
          params: { courseId: String(id) },
          context: testContext(),
        }),
      );
    const outside = await add({ fullName: "Người Sơn Kim", phone: "0917300001", unit: "Xã Sơn Kim 1" });
    expect(outside.status).toBe(422);
    expect(outside.data.errors.unit).toMatch(/không được ghi danh/);
    const inside = await add({ fullName: "Người Thiên Lộc", phone: "0917300002", unit: "Xã Thiên Lộc" });
    expect(inside.status, JSON.stringify(inside.data)).toBe(200);
    const before = await tableCounts();
    const full = await add({ fullName: "Người Thiên Lộc 2", phone: "0917300003", unit: "Xã Thiên Lộc" });
    expect(full.status).toBe(422);
    expect(full.data.errors._form).toMatch(/đủ số học viên/);
    expect(await tableCounts()).toEqual(before);
  });
});

describe("copying a class", () => {
  it("copies settings, modules, trainers and sessions moved to the new start; no learners, no attendance; new codes", async () => {
    const from = await db().course.findFirstOrThrow({
      where: { code: "HT-OCOP-01" },
      include: { trainers: true, classSessions: { where: { status: "SCHEDULED" }, orderBy: { startsAt: "asc" } } },
    });
    expect(from.classSessions.length).toBeGreaterThan(0);
    const res = await postSettings(from.id, { intent: "copy", startsOn: "2027-11-01", code: "HT-OCOP-2027" });
    expect(res.status).toBe(302);
    const id = Number(/\/khoa-hoc\/(\d+)\//.exec(res.location!)![1]);
    const copy = await db().course.findUniqueOrThrow({
      where: { id },
      include: {
        trainers: true,
        modules: { orderBy: { position: "asc" } },
        classSessions: { orderBy: { startsAt: "asc" }, include: { attendances: true } },
        enrolments: true,
      },
    });
    expect(copy.code).toBe("HT-OCOP-2027");
    expect(copy.enrolmentCode).not.toBe(from.enrolmentCode);
    expect(copy.enrolments).toEqual([]);
    expect(copy.trainers.map((t) => t.userId)).toEqual(from.trainers.map((t) => t.userId));
    expect(copy.modules.map((m) => m.module)).toEqual(MODULES);
    expect(copy.classSessions).toHaveLength(from.classSessions.length);
    expect(vnDay(copy.classSessions[0].startsAt)).toBe("2027-11-01");
    expect(copy.classSessions.every((s) => s.attendances.length === 0)).toBe(true);
    // the same time of day and the same spacing between sessions
    const gap = (s: { startsAt: Date }[]) => s.map((x) => x.startsAt.getTime() - s[0].startsAt.getTime());
    expect(gap(copy.classSessions)).toEqual(gap(from.classSessions));
    expect(copy.classSessions[0].checkinSecret).not.toBe(from.classSessions[0].checkinSecret);
  });

  it("refuses a class code already used, and writes nothing", async () => {
    const from = await db().course.findFirstOrThrow({ where: { code: "HT-OCOP-01" } });
    const before = await tableCounts();
    const res = await postSettings(from.id, { intent: "copy", startsOn: "2027-11-01", code: "HT-OCOP-01" });
    expect(res.status).toBe(422);
    expect(res.data.errors.code).toMatch(/đã được dùng/);
    expect(await tableCounts()).toEqual(before);
  });
});

describe("the class list", () => {
  it("filters an admin's classes by year, unit and status", async () => {
    const a = await createdClass({ code: "HT-2027-A", unitId: String(canLoc.id) });
    const b = await createdClass({ code: "HT-2028-B", startsOn: "2028-01-10", endsOn: "2028-01-12" });
    await postSettings(b, { intent: "archive" });
    const list = async (query: string) =>
      (
        await run(() => catalogue.loader({ request: getRequest(`/khoa-hoc?${query}`, { cookie: admin }), params: {}, context: testContext() }))
      ).data.administering.map((c: { id: number }) => c.id);
    expect(await list("nam=2027")).toContain(a);
    expect(await list("nam=2027")).not.toContain(b);
    expect(await list(`don-vi=${canLoc.id}`)).toEqual([a]);
    expect(await list("trang-thai=ARCHIVED")).toEqual([b]);
    expect(await list("trang-thai=ACTIVE")).not.toContain(b);
  });

  it("shows each class's number of learners, for the admin and for the trainer", async () => {
    const demo = await db().course.findFirstOrThrow({ where: { code: "HT-OCOP-01" }, select: { id: true, _count: { select: { enrolments: true } } } });
    const empty = await createdClass({ code: "HT-2027-EMPTY" });
    const sizes = async (cookie: string, list: "administering" | "teaching") =>
      Object.fromEntries(
        (await run(() => catalogue.loader({ request: getRequest("/khoa-hoc", { cookie }), params: {}, context: testContext() }))).data[list].map(
          (c: { id: number; learners: number }) => [c.id, c.learners],
        ),
      );
    expect(demo._count.enrolments).toBeGreaterThan(200);
    expect(await sizes(admin, "administering")).toMatchObject({ [demo.id]: demo._count.enrolments, [empty]: 0 });
    expect(await sizes(await cookieFor("trainer"), "teaching")).toMatchObject({ [demo.id]: demo._count.enrolments });
  });

  it("offers in its unit filter the units that organise a class and those above them, not every commune", async () => {
    const options = async () =>
      (await run(() => catalogue.loader({ request: getRequest("/khoa-hoc", { cookie: admin }), params: {}, context: testContext() }))).data.manage.units.map(
        (u: { value: string }) => Number(u.value),
      );
    const before = await options();
    expect(before).toContain(province.id);
    expect(before).not.toContain(canLoc.id);
    await createdClass({ code: "HT-2027-CL", unitId: String(canLoc.id) });
    const after = await options();
    expect(after).toEqual(expect.arrayContaining([province.id, canLoc.id]));
    expect(after).not.toContain(huongSon.id);
  });
});
