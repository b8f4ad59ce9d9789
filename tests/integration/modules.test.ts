import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import { foldForSearch } from "~/i18n/fold";
import * as catalogue from "~/routes/khoa-hoc._index";
import * as coursePage from "~/routes/khoa-hoc.$courseId._index";
import * as lessonPage from "~/routes/khoa-hoc.$courseId.hoc.$moduleSlug.$lessonSlug";
import * as progressPage from "~/routes/khoa-hoc.$courseId.tien-do";
import * as progressExport from "~/routes/khoa-hoc.$courseId.tien-do.xuat";
import { cookieFor, getRequest, postRequest, run, tableCounts, testContext, userIdOf } from "../support/http";

const courseId = async () => String((await db().course.findFirstOrThrow({ orderBy: { id: "asc" } })).id);
const L = { moduleSlug: "tieu-chi-danh-gia", lessonSlug: "cham-diem-va-xep-hang-sao" };
const lessonUrl = (c: string, m = L.moduleSlug, l = L.lessonSlug) => `/khoa-hoc/${c}/hoc/${m}/${l}`;

const loadCourse = async (cookie: string, c: string) =>
  run(() => coursePage.loader({ request: getRequest(`/khoa-hoc/${c}`, { cookie }), params: { courseId: c }, context: testContext() }));
const loadLesson = async (cookie: string, c: string, params = L) =>
  run(() =>
    lessonPage.loader({
      request: getRequest(lessonUrl(c, params.moduleSlug, params.lessonSlug), { cookie }),
      params: { courseId: c, ...params },
      context: testContext(),
    }),
  );
const postLesson = async (cookie: string, c: string, fields: Record<string, string | string[]>, params = L) =>
  run(() =>
    lessonPage.action({
      request: postRequest(lessonUrl(c, params.moduleSlug, params.lessonSlug), fields, { cookie }),
      params: { courseId: c, ...params },
      context: testContext(),
    }),
  );
const classMember = (n: number) => userIdOf(`0913${String(n).padStart(6, "0")}`);

describe("lessons and learner progress", () => {
  it("completing lessons moves the module and course progress and the resume point; repeating changes nothing", async () => {
    const c = await courseId();
    const cookie = await cookieFor(await classMember(1));
    const before = await loadCourse(cookie, c);
    expect(before.status).toBe(200);
    expect(before.data.progress.done).toBe(0);
    expect(before.data.next).toMatchObject({ module: "kien-thuc-chung", slug: "chuong-trinh-ocop-la-gi" });

    const lesson = await loadLesson(cookie, c);
    expect(lesson.data.completed).toBe(false);
    expect(lesson.data.lesson.segments.some((s: { island?: string }) => s.island === "score-sheet")).toBe(true);

    expect((await postLesson(cookie, c, { intent: "complete" })).status).toBe(200);
    expect((await postLesson(cookie, c, { intent: "complete" })).status).toBe(200);
    const after = await loadCourse(cookie, c);
    expect(after.data.progress.done).toBe(1);
    const m2 = after.data.modules.find((m: { slug: string }) => m.slug === L.moduleSlug);
    expect(m2.progress).toMatchObject({ done: 1, total: 5 });
    expect(after.data.next).toMatchObject({ module: L.moduleSlug, slug: "quy-trinh-danh-gia-cac-cap" });
    expect((await loadLesson(cookie, c)).data.completed).toBe(true);
    expect(await db().lessonProgress.count({ where: { enrolment: { userId: await classMember(1) } } })).toBe(1);

    const cat = await run(() => catalogue.loader({ request: getRequest("/khoa-hoc", { cookie }), params: {}, context: testContext() }));
    expect(cat.data.learning.find((x: { id: number }) => String(x.id) === c).progress.done).toBe(1);
  });

  it("one learner's progress is theirs alone: no route reads or writes another learner's", async () => {
    const c = await courseId();
    const a = await cookieFor(await classMember(2));
    const b = await cookieFor(await classMember(3));
    await postLesson(a, c, { intent: "complete" });
    // a userId smuggled into the form is ignored: only the session's user is written
    await postLesson(
      b,
      c,
      { intent: "complete", userId: String(await classMember(4)) },
      { moduleSlug: "kien-thuc-chung", lessonSlug: "chuong-trinh-ocop-la-gi" },
    );
    expect((await loadCourse(b, c)).data.progress.done).toBe(1);
    expect((await loadLesson(b, c)).data.completed).toBe(false);
    expect(await db().lessonProgress.count({ where: { enrolment: { userId: await classMember(4) } } })).toBe(0);
    // the class view is for trainers: a learner gets 403
    const peek = await run(() =>
      progressPage.loader({ request: getRequest(`/khoa-hoc/${c}/tien-do`, { cookie: b }), params: { courseId: c }, context: testContext() }),
    );
    expect(peek.status).toBe(403);
    const exp = await run(() =>
      progressExport.loader({ request: getRequest(`/khoa-hoc/${c}/tien-do/xuat`, { cookie: b }), params: { courseId: c }, context: testContext() }),
    );
    expect(exp.status).toBe(403);
  });

  it("a user who is not in the course gets 404 and writes nothing", async () => {
    const c = await courseId();
    const outsider = await db().user.create({
      data: {
        fullName: "Người Ngoài",
        phone: "0987000111",
        unitId: (await db().unit.findFirstOrThrow()).id,
        roles: { create: { role: "learner", unitId: (await db().unit.findFirstOrThrow()).id } },
      },
    });
    const cookie = await cookieFor(outsider.id);
    const before = await tableCounts();
    expect((await loadCourse(cookie, c)).status).toBe(404);
    expect((await loadLesson(cookie, c)).status).toBe(404);
    expect((await postLesson(cookie, c, { intent: "complete" })).status).toBe(404);
    expect((await loadCourse(cookie, "999999")).status).toBe(404);
    expect((await loadCourse(cookie, "abc")).status).toBe(404);
    expect(await tableCounts()).toEqual(before);
  });

  it("rejects bad input with 4xx and a Vietnamese message, writing nothing", async () => {
    const c = await courseId();
    const cookie = await cookieFor("learner");
    const before = await tableCounts();
    const cases: Record<string, string | string[]>[] = [
      {},
      { intent: "" },
      { intent: "delete" },
      { intent: "x".repeat(100_000) },
      { intent: ["complete", "score"] },
    ];
    for (const fields of cases) {
      const res = await postLesson(cookie, c, fields);
      expect(res.status, JSON.stringify(fields).slice(0, 60)).toBe(400);
      expect(res.data.errors.intent ?? res.data.errors._form).toMatch(/[ạ-ỹà-ýđ]/i);
    }
    const big = await postLesson(cookie, c, { intent: "score", A: "1".repeat(100_000), B: "1", C: "1" });
    expect(big.status).toBe(400);
    expect(big.data.errors.A).toMatch(/Điểm/);
    expect((await loadLesson(cookie, c, { moduleSlug: L.moduleSlug, lessonSlug: "khong-co" })).status).toBe(404);
    expect(await tableCounts()).toEqual(before);
  });

  it("the score sheet answers without JavaScript with the shared scoring result", async () => {
    const c = await courseId();
    const cookie = await cookieFor("learner");
    const ok = await postLesson(cookie, c, { intent: "score", A: "28", B: "15", C: "24" });
    expect(ok.status).toBe(200);
    expect(ok.data.sheet).toEqual({ values: { A: "28", B: "15", C: "24" }, total: 67, stars: 3 });
    const bad = await postLesson(cookie, c, { intent: "score", A: "41", B: "mười", C: "" });
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual({
      A: "Điểm phải từ 0 đến 40, bước 0,5.",
      B: "Điểm phải là một số (ví dụ 28 hoặc 28,5).",
      C: "Vui lòng nhập điểm.",
    });
  });
});

describe("trainer: class progress", () => {
  it("lists all 210+ learners with progress per module, searchable without diacritics and sortable", async () => {
    const c = await courseId();
    await postLesson(await cookieFor(await classMember(5)), c, { intent: "complete" });
    const cookie = await cookieFor("trainer");
    const load = (qs: string) =>
      run(() => progressPage.loader({ request: getRequest(`/khoa-hoc/${c}/tien-do${qs}`, { cookie }), params: { courseId: c }, context: testContext() }));
    const all = await load("");
    expect(all.status).toBe(200);
    expect(all.data.total).toBeGreaterThanOrEqual(210);
    expect(all.data.rows[0].modules).toHaveLength(4);
    const nguyen = await load("?q=nguyen");
    expect(nguyen.data.rows.length).toBeGreaterThan(0);
    expect(nguyen.data.rows.every((r: { fullName: string; unit: string }) => foldForSearch(`${r.fullName} ${r.unit}`).includes("nguyen"))).toBe(true);
    expect(nguyen.data.rows.some((r: { fullName: string }) => r.fullName.includes("Nguyễn"))).toBe(true);
    // sorted by lessons done, most first: the learner who just completed a lesson is above everyone with none
    const top = await load("?sap-xep=total&chieu=desc");
    const done = top.data.rows.map((r: { done: number }) => r.done);
    expect(done).toEqual([...done].sort((a, b) => b - a));
    const member = await db().user.findUniqueOrThrow({ where: { id: await classMember(5) } });
    const ahead = top.data.rows.slice(0, done.filter((d: number) => d > 0).length).map((r: { fullName: string }) => r.fullName);
    expect(ahead).toContain(member.fullName);
    // an unknown sort or direction falls back to the default order (by name, ascending), never an error
    const bogus = await load("?sap-xep=DROP&chieu=sideways");
    expect(bogus.status).toBe(200);
    expect(bogus.data).toMatchObject({ sort: "name", dir: "asc" });
    expect(bogus.data.rows.map((r: { fullName: string }) => r.fullName)).toEqual(all.data.rows.map((r: { fullName: string }) => r.fullName));
  });

  it("exports CSV (UTF-8 BOM, Vietnamese headers, CRLF) and XLSX", async () => {
    const c = await courseId();
    const cookie = await cookieFor("trainer");
    const csv = await progressExport.loader({
      request: getRequest(`/khoa-hoc/${c}/tien-do/xuat?dinh-dang=csv`, { cookie }),
      params: { courseId: c },
      context: testContext(),
    });
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Content-Disposition")).toMatch(/attachment; filename="tien-do-.*\.csv"/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('"STT","Họ và tên","Điện thoại/Email","Đơn vị","Chuyên đề 1: Kiến thức chung về Chương trình OCOP');
    expect(text.split("\r\n").length).toBeGreaterThan(211);
    const xlsx = await progressExport.loader({
      request: getRequest(`/khoa-hoc/${c}/tien-do/xuat?dinh-dang=xlsx`, { cookie }),
      params: { courseId: c },
      context: testContext(),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(2).value).toBe("Họ và tên");
    expect(ws.rowCount).toBeGreaterThan(210);
  });
});
