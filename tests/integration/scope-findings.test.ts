import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import * as adminUser from "~/routes/quan-tri.nguoi-dung.$userId";
import * as users from "~/routes/quan-tri.nguoi-dung._index";
import * as roster from "~/routes/khoa-hoc.$courseId.hoc-vien";
import * as activate from "~/routes/kich-hoat";
import * as join from "~/routes/khoa-hoc.tham-gia";
import * as quizResults from "~/routes/khoa-hoc.$courseId.ket-qua-kiem-tra";
import * as caseRoute from "~/routes/tham-dinh.$caseId";
import * as planPage from "~/routes/phuong-an.$planId._index";
import * as plans from "~/routes/phuong-an._index";
import { DEMO_PLAN_TITLE, THIENLOC_PLAN_TITLE } from "../../prisma/seed-plans";
import { cookieFor, demoAccount, getRequest, postRequest, run, tableCounts, testContext, userIdOf } from "../support/http";

/**
 * Findings 1, 2, 6, 9 and 10 of the outside security review (issue 13), each as the reviewer's
 * own request: a second class with its own trainer, a district admin, another commune's appraiser.
 */
let courseA: number;
let courseB: number;
let trainerA: string;
let trainerB: string;
let canLocId: number;

beforeAll(async () => {
  const unit = (code: string) => db().unit.findUniqueOrThrow({ where: { code } });
  const [province, huongSon, canLoc] = await Promise.all([unit("HT"), unit("HT-HS"), unit("HT-CL")]);
  canLocId = canLoc.id;
  courseA = (await db().course.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  const b = await db().user.create({
    data: {
      fullName: "Giảng viên B",
      phone: "0918100001",
      unitId: province.id,
      searchName: "giang vien b",
      roles: { create: { role: "trainer", unitId: province.id } },
    },
  });
  courseB = (
    await db().course.create({
      data: {
        code: "HT-B",
        title: "Lớp B",
        unitId: huongSon.id,
        enrolmentCode: "LOPB2026",
        startsOn: new Date(),
        endsOn: new Date(Date.now() + 30 * 86400_000),
        trainers: { create: { userId: b.id } },
        audience: { create: { unitId: province.id } }, // open to the whole province (joining checks the audience)
      },
    })
  ).id;
  trainerA = await cookieFor("trainer");
  trainerB = await cookieFor(b.id);
});

const rosterPost = (cookie: string, courseId: number, fields: Record<string, string>) =>
  run(() =>
    roster.action({
      request: postRequest(`/khoa-hoc/${courseId}/hoc-vien`, fields, { cookie }),
      params: { courseId: String(courseId) },
      context: testContext(),
    }),
  );
const rosterPage = (cookie: string, courseId: number) =>
  run(() =>
    roster.loader({ request: getRequest(`/khoa-hoc/${courseId}/hoc-vien`, { cookie }), params: { courseId: String(courseId) }, context: testContext() }),
  );
const activateWith = (identifier: string, code: string, ip: string) =>
  run(() =>
    activate.action({
      request: postRequest("/kich-hoat", { identifier, code, password: "MatKhauMoi2026", passwordConfirm: "MatKhauMoi2026" }),
      params: {},
      context: testContext(ip),
    }),
  );

describe("finding 1: no trainer takes over another class's new account", () => {
  it("trainer B adds trainer A's fresh learner and reissues codes: A's code still works, B gets none", async () => {
    const person = { intent: "add", fullName: "Lê Thị Mới", phone: "0916000001", unit: "Xã Thiên Lộc" };
    const added = await rosterPost(trainerA, courseA, person);
    expect(added.status).toBe(200);
    const codeA = /Mã kích hoạt: (\S+)/.exec(added.data.message)![1];

    const pulled = await rosterPost(trainerB, courseB, person);
    expect(pulled.status).toBe(200);
    const reissued = await rosterPost(trainerB, courseB, { intent: "reissue" });
    expect(reissued.status).toBe(200);
    expect(reissued.data.codes.map((c: { contact: string }) => c.contact)).not.toContain("0916000001");
    for (const c of reissued.data.codes as { code: string }[]) expect((await activateWith("0916000001", c.code, "10.61.0.1")).status).toBe(422);

    expect((await activateWith("0916000001", codeA, "10.61.0.2")).status).toBe(302);
    // once in use, no class issues it a code again
    const again = await rosterPost(trainerA, courseA, { intent: "reissue" });
    expect(again.data.codes.map((c: { contact: string }) => c.contact)).not.toContain("0916000001");
  });
});

describe("finding 2: a trainer cannot pull an existing account into a class", () => {
  it("the province admin's phone typed by trainer B invites, never enrols, and B sees only what B typed", async () => {
    const admin = demoAccount("admin");
    const adminId = await userIdOf(admin.email);
    const res = await rosterPost(trainerB, courseB, { intent: "add", fullName: "Ai Đó", phone: admin.phone, unit: "Xã Sơn Kim 1" });
    expect(res.status).toBe(200);
    expect(res.data.message).toMatch(/đã có tài khoản/);
    expect(await db().enrolment.count({ where: { courseId: courseB, userId: adminId } })).toBe(0);
    const page = JSON.stringify((await rosterPage(trainerB, courseB)).data);
    for (const secret of [admin.fullName, admin.email]) expect(page).not.toContain(secret);
    // the person is told, and joins only by their own choice with the class's code
    const note = await db().notification.findFirstOrThrow({ where: { userId: adminId }, orderBy: { id: "desc" } });
    expect(note.text).toContain("LOPB2026");
  });

  it("a person joins with the enrolment code themselves (a wrong code is refused)", async () => {
    const learner = await cookieFor("learner");
    const learnerId = await userIdOf(demoAccount("learner").email);
    const wrong = await run(() =>
      join.action({ request: postRequest("/khoa-hoc/tham-gia", { code: "KHONGCO" }, { cookie: learner }), params: {}, context: testContext("10.62.0.1") }),
    );
    expect(wrong.status).toBe(422);
    expect(await db().enrolment.count({ where: { courseId: courseB, userId: learnerId } })).toBe(0);
    const joined = await run(() =>
      join.action({ request: postRequest("/khoa-hoc/tham-gia", { code: "lopb2026" }, { cookie: learner }), params: {}, context: testContext("10.62.0.2") }),
    );
    expect(joined.status).toBe(302);
    expect(joined.location).toBe(`/khoa-hoc/${courseB}`);
    expect(await db().enrolment.count({ where: { courseId: courseB, userId: learnerId } })).toBe(1);
  });

  it("a trainer sees the quiz attempts made in their class, not those of another class", async () => {
    const producerId = await userIdOf(demoAccount("producer").email);
    const module = "tieu-chi-danh-gia";
    // in class A, took A's quiz yesterday, in class B from today
    const inA = await db().enrolment.findUniqueOrThrow({ where: { courseId_userId: { courseId: courseA, userId: producerId } } });
    await db().quizAttempt.create({
      data: {
        token: "earlier-class-attempt",
        enrolmentId: inA.id,
        module,
        number: 1,
        layout: "{}",
        startedAt: new Date(Date.now() - 86400_000),
        submittedAt: new Date(Date.now() - 86000_000),
        status: "SUBMITTED",
        score: 9,
        maxScore: 10,
        percent: 90,
        passed: true,
        results: "[]",
      },
    });
    await db().enrolment.create({ data: { courseId: courseB, userId: producerId } });
    const results = (cookie: string, courseId: number) =>
      run(() =>
        quizResults.loader({
          request: getRequest(`/khoa-hoc/${courseId}/ket-qua-kiem-tra?chuyen-de=${module}`, { cookie }),
          params: { courseId: String(courseId) },
          context: testContext(),
        }),
      );
    const rowOf = (r: { data: { rows: { id: number; attempts: number }[] } }) => r.data.rows.find((x) => x.id === producerId)!;
    expect(rowOf(await results(trainerB, courseB)).attempts).toBe(0);
    expect(rowOf(await results(trainerA, courseA)).attempts).toBe(1);
  });
});

describe("finding 6: an admin acts on a person only when everything they hold lies within the admin's units", () => {
  it("a district admin can neither see, edit nor deactivate a province official whose home unit is in the district", async () => {
    const province = await db().unit.findUniqueOrThrow({ where: { code: "HT" } });
    const official = await db().user.create({
      data: {
        fullName: "Cán bộ tỉnh",
        phone: "0918100002",
        unitId: canLocId,
        searchName: "can bo tinh",
        roles: { create: { role: "appraiser", unitId: province.id } },
      },
    });
    const districtAdmin = await db().user.create({
      data: {
        fullName: "Quản trị huyện",
        phone: "0918100003",
        unitId: canLocId,
        searchName: "quan tri huyen",
        roles: { create: { role: "admin", unitId: canLocId } },
      },
    });
    const cookie = await cookieFor(districtAdmin.id);
    const params = { userId: String(official.id) };
    const before = await tableCounts();
    expect(
      (await run(() => adminUser.loader({ request: getRequest(`/quan-tri/nguoi-dung/${official.id}`, { cookie }), params, context: testContext() }))).status,
    ).toBe(404);
    const off = await run(() =>
      adminUser.action({
        request: postRequest(`/quan-tri/nguoi-dung/${official.id}`, { intent: "setActive", active: "false" }, { cookie }),
        params,
        context: testContext(),
      }),
    );
    expect(off.status).toBe(404);
    expect((await db().user.findUniqueOrThrow({ where: { id: official.id } })).active).toBe(true);
    expect(await tableCounts()).toEqual(before);
    const list = await run(() => users.loader({ request: getRequest("/quan-tri/nguoi-dung?q=0918100002", { cookie }), params: {}, context: testContext() }));
    expect(list.data.users).toEqual([]);
    // the province admin still can
    const admin = await cookieFor("admin");
    expect(
      (await run(() => adminUser.loader({ request: getRequest(`/quan-tri/nguoi-dung/${official.id}`, { cookie: admin }), params, context: testContext() })))
        .status,
    ).toBe(200);
  });
});

describe("finding 9: comments on a case follow the decision rule", () => {
  it("a commune appraiser cannot comment once the case is at district level, nor on a closed case", async () => {
    const plan = await db().businessPlan.findFirstOrThrow({ where: { title: THIENLOC_PLAN_TITLE } });
    const appraiser = await cookieFor("appraiser"); // Thiên Lộc commune
    const params = { caseId: String(plan.id) };
    const comment = () =>
      run(() =>
        caseRoute.action({
          request: postRequest(`/tham-dinh/${plan.id}`, { intent: "comment", step: "1", body: "Góp ý" }, { cookie: appraiser }),
          params,
          context: testContext(),
        }),
      );
    // at the commune's own level, open: the commune appraiser comments
    expect((await comment()).status).toBe(200);
    for (const state of [
      { level: "DISTRICT", status: "SUBMITTED" },
      { level: "COMMUNE", status: "APPROVED" },
    ]) {
      await db().appraisalCase.update({ where: { planId: plan.id }, data: state });
      const before = await tableCounts();
      expect((await comment()).status).toBe(403);
      expect(await tableCounts()).toEqual(before);
      const page = await run(() => caseRoute.loader({ request: getRequest(`/tham-dinh/${plan.id}`, { cookie: appraiser }), params, context: testContext() }));
      expect(page.status).toBe(200); // the history stays readable
      expect(page.data.canComment).toBe(false);
    }
    await db().appraisalCase.update({ where: { planId: plan.id }, data: { level: "COMMUNE", status: "SUBMITTED" } });
  });
});

describe("finding 10: an invited consultant reads the plan while it is a draft, as the permission table says", () => {
  it("after submission the plan is gone from the consultant's list and pages; back to them when returned", async () => {
    const plan = await db().businessPlan.findFirstOrThrow({ where: { title: DEMO_PLAN_TITLE } });
    const consultant = await cookieFor("consultant");
    const params = { planId: String(plan.id) };
    const open = () => run(() => planPage.loader({ request: getRequest(`/phuong-an/${plan.id}`, { cookie: consultant }), params, context: testContext() }));
    const listed = async () =>
      (await run(() => plans.loader({ request: getRequest("/phuong-an", { cookie: consultant }), params: {}, context: testContext() }))).data.invited.map(
        (p: { id: number }) => p.id,
      );
    expect((await open()).status).toBe(200);
    for (const status of ["SUBMITTED", "APPROVED", "REJECTED", "LAPSED"]) {
      await db().businessPlan.update({ where: { id: plan.id }, data: { status } });
      expect((await open()).status, status).toBe(404);
      expect(await listed()).not.toContain(plan.id);
    }
    await db().businessPlan.update({ where: { id: plan.id }, data: { status: "RETURNED" } });
    expect((await open()).status).toBe(200);
    expect(await listed()).toContain(plan.id);
    await db().businessPlan.update({ where: { id: plan.id }, data: { status: "DRAFT" } });
  });
});
