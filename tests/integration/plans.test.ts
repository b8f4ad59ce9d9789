import { beforeAll, describe, expect, it } from "vitest";
import { vnYear } from "~/i18n/format";
import { orgWhere } from "~/access/access.server";
import type { Auth } from "~/auth/guard.server";
import { planPermissions } from "~/plans/permissions";
import { ideasIn, orgsIn, registerIdea } from "~/plans/plans.server";
import { db } from "~/db/db.server";
import * as list from "~/routes/phuong-an._index";
import * as overview from "~/routes/phuong-an.$planId._index";
import * as stepRoute from "~/routes/phuong-an.$planId.buoc.$step";
import * as printRoute from "~/routes/phuong-an.$planId.in";
import * as unitIdeas from "~/routes/y-tuong";
import { DEMO_PLAN_TITLE } from "../../prisma/seed-plans";
import { cookieFor, getRequest, postRequest, run, tableCounts, testContext, userIdOf } from "../support/http";

let producer: string;
let consultant: string;
let demoPlanId: number;
let newPlanId: number;

const stepGet = (planId: number, step: number | string, cookie: string) =>
  run(() =>
    stepRoute.loader({
      request: getRequest(`/phuong-an/${planId}/buoc/${step}`, { cookie }),
      params: { planId: String(planId), step: String(step) },
      context: testContext(),
    }),
  );
const stepPost = (planId: number, step: number | string, fields: Record<string, string | string[]>, cookie: string) =>
  run(() =>
    stepRoute.action({
      request: postRequest(`/phuong-an/${planId}/buoc/${step}`, fields, { cookie }),
      params: { planId: String(planId), step: String(step) },
      context: testContext(),
    }),
  );

/** A partial draft of step 9 (the financial plan): one product without its variable cost, no fixed costs. */
const PARTIAL_STEP9 = {
  intent: "save",
  version: "0",
  years: "3",
  taxRate: "20",
  depreciation: "60 triệu",
  "products.0.name": "Trà",
  "products.0.unit": "gói",
  "products.0.price": "1,2 triệu",
  "products.0.q1": "100",
  "products.1.name": "",
};
const savePartialStep9 = () => stepPost(newPlanId, 9, PARTIAL_STEP9, producer);

/** A second producer (a seeded class member) with an organisation of their own. */
async function otherProducer() {
  const member = await db().user.findFirstOrThrow({ where: { roles: { some: { role: "producer" } }, phone: { startsWith: "0913" } } });
  return cookieFor(member.id);
}

beforeAll(async () => {
  producer = await cookieFor("producer");
  consultant = await cookieFor("consultant");
  demoPlanId = (await db().businessPlan.findFirstOrThrow({ where: { title: DEMO_PLAN_TITLE } })).id;
  const org = await db().producerOrg.findFirstOrThrow({ where: { plans: { some: { id: demoPlanId } } } });
  const registered = await listPost({
    intent: "registerIdea",
    orgId: String(org.id),
    title: "Trà xanh Sơn Kim",
    ocopGroup: "DO_UONG",
    description: "Trà búp sao khô",
  });
  expect(registered.status).toBe(200);
  const idea = await db().productIdea.findFirstOrThrow({ where: { title: "Trà xanh Sơn Kim" } });
  const created = await listPost({ intent: "createPlan", ideaId: String(idea.id) });
  expect(created.status).toBe(302);
  newPlanId = Number(created.location!.split("/")[2]);
});

const listPost = (fields: Record<string, string>, cookie = producer) =>
  run(() => list.action({ request: postRequest("/phuong-an", fields, { cookie }), params: {}, context: testContext() }));

describe("idea registration", () => {
  it("counts the registered idea in the statistics of every unit above the producer", async () => {
    const org = await db().producerOrg.findFirstOrThrow({ where: { plans: { some: { id: demoPlanId } } }, include: { unit: true } });
    const year = vnYear(new Date());
    const count = () => db().appraisalStat.findMany({ where: { metric: "IDEA", year, unitId: { in: org.unit.path.split("/").filter(Boolean).map(Number) } } });
    const before = await count();
    expect((await listPost({ intent: "registerIdea", orgId: String(org.id), title: "Nấm hương khô", ocopGroup: "THUC_PHAM" })).status).toBe(200);
    const after = await count();
    expect(after).toHaveLength(org.unit.path.split("/").filter(Boolean).length);
    for (const row of after) expect(row.count).toBe((before.find((b) => b.unitId === row.unitId)?.count ?? 0) + 1);
    const page = await run(() => list.loader({ request: getRequest("/phuong-an", { cookie: producer }), params: {}, context: testContext() }));
    expect(page.data.ideas[0]).toMatchObject({ title: "Nấm hương khô", group: "Thực phẩm", planId: null });
  });

  it("builds one plan per idea, named after it, with the product step started from the idea", async () => {
    const idea = await db().productIdea.findFirstOrThrow({ where: { title: "Trà xanh Sơn Kim" }, include: { plan: true } });
    expect(idea.plan?.id).toBe(newPlanId);
    expect(idea.plan?.title).toBe("Trà xanh Sơn Kim");
    const product = await stepGet(newPlanId, 3, producer);
    expect(product.data.values).toMatchObject({ productName: "Trà xanh Sơn Kim", ocopGroup: "DO_UONG" });
    // asking again (double click, back button) opens the same plan
    const before = await db().businessPlan.count();
    const again = await listPost({ intent: "createPlan", ideaId: String(idea.id) });
    expect(again.location).toBe(`/phuong-an/${newPlanId}/buoc/1`);
    expect(await db().businessPlan.count()).toBe(before);
  });

  it("refuses bad idea input and other producers' ideas without writing", async () => {
    const org = await db().producerOrg.findFirstOrThrow({ where: { plans: { some: { id: demoPlanId } } } });
    const idea = await db().productIdea.findFirstOrThrow({ where: { title: "Trà xanh Sơn Kim" } });
    const other = await otherProducer();
    const before = await tableCounts();
    const cases: [Record<string, string>, string][] = [
      [{ intent: "registerIdea", orgId: String(org.id), title: "", ocopGroup: "THUC_PHAM" }, "title"],
      [{ intent: "registerIdea", orgId: String(org.id), title: "Mắm", ocopGroup: "VU_KHI" }, "ocopGroup"],
      [{ intent: "registerIdea", orgId: String(org.id), title: "Mắm", ocopGroup: "THUC_PHAM", description: "x".repeat(1001) }, "description"],
      [{ intent: "registerIdea", orgId: "-1", title: "Mắm", ocopGroup: "THUC_PHAM" }, "orgId"],
      [{ intent: "createPlan", ideaId: "abc" }, "ideaId"],
    ];
    for (const [fields, field] of cases) {
      const res = await listPost(fields);
      expect(res.status).toBe(400);
      expect(res.data.errors[field]).toMatch(/[ạ-ỹà-ýđ]/i);
    }
    expect((await listPost({ intent: "registerIdea", orgId: String(org.id), title: "Của người khác", ocopGroup: "THUC_PHAM" }, other)).status).toBe(404);
    expect((await listPost({ intent: "createPlan", ideaId: String(idea.id) }, other)).status).toBe(404);
    expect(await tableCounts()).toEqual(before);
  });
});

describe("plans list and creation", () => {
  it("lists the producer's own plans and the consultant's invitations", async () => {
    const mine = await run(() => list.loader({ request: getRequest("/phuong-an", { cookie: producer }), params: {}, context: testContext() }));
    expect(mine.data.mine.map((p: { title: string }) => p.title)).toEqual(expect.arrayContaining([DEMO_PLAN_TITLE, "Trà xanh Sơn Kim"]));
    const invited = await run(() => list.loader({ request: getRequest("/phuong-an", { cookie: consultant }), params: {}, context: testContext() }));
    expect(invited.data.invited.map((p: { title: string }) => p.title)).toEqual([DEMO_PLAN_TITLE]);
  });

  it("offers the cooperative group (Tổ hợp tác) the lessons teach, and stores it", async () => {
    const page = await run(() => list.loader({ request: getRequest("/phuong-an", { cookie: producer }), params: {}, context: testContext() }));
    expect(page.status).toBe(200);
    const res = await listPost({ intent: "createOrg", name: "Tổ hợp tác Rau sạch Thôn Đông", kind: "THT", address: "Thôn Đông" });
    expect(res.status).toBe(200);
    const org = await db().producerOrg.findFirstOrThrow({ where: { name: "Tổ hợp tác Rau sạch Thôn Đông" } });
    expect(org.kind).toBe("THT");
    const after = await run(() => list.loader({ request: getRequest("/phuong-an", { cookie: producer }), params: {}, context: testContext() }));
    expect(after.data.orgs.find((o: { name: string }) => o.name === org.name)?.kind).toBe("Tổ hợp tác");
  });

  it("refuses bad organisation and plan input without writing", async () => {
    const before = await tableCounts();
    const cases: [Record<string, string>, string][] = [
      [{ intent: "createOrg", name: "", kind: "HTX", address: "x" }, "name"],
      [{ intent: "createOrg", name: "HTX", kind: "CONG_TY", address: "x" }, "kind"],
      [{ intent: "createOrg", name: "x".repeat(100_000), kind: "HTX", address: "x" }, "name"],
      [{ intent: "hack" }, "intent"],
    ];
    for (const [fields, field] of cases) {
      const res = await run(() => list.action({ request: postRequest("/phuong-an", fields, { cookie: producer }), params: {}, context: testContext() }));
      expect(res.status).toBe(400);
      expect(res.data.errors[field]).toMatch(/[ạ-ỹà-ýđ]/i);
    }
    expect(await tableCounts()).toEqual(before);
  });
});

describe("draft save and load", () => {
  it("saves a partial draft, loads it back validated and formatted, and reports what is missing", async () => {
    const empty = await stepGet(newPlanId, 9, producer);
    expect(empty.status).toBe(200);
    expect(empty.data.version).toBe(0);
    const saved = await savePartialStep9();
    expect(saved.status).toBe(200);
    expect(saved.data.version).toBe(1);
    expect(saved.data.savedAt).toMatch(/^\d{2}:\d{2}$/);
    expect(saved.data.complete).toBe(false);
    expect(saved.data.missing["products.0.variableCost"]).toBe("Vui lòng nhập thông tin này.");
    expect(saved.data.missing.fixedCosts).toBe("Cần ít nhất 1 dòng.");
    const row = await db().planStep.findUniqueOrThrow({ where: { planId_step: { planId: newPlanId, step: 9 } } });
    expect(JSON.parse(row.data)).toMatchObject({ depreciation: "60000000", products: [{ name: "Trà", price: "1200000", q1: "100" }] });
    const loaded = await stepGet(newPlanId, 9, producer);
    expect(loaded.data.version).toBe(1);
    expect(loaded.data.formValues["products.0.price"]).toBe("1.200.000");
    expect(loaded.data.formValues.depreciation).toBe("60.000.000");
  });

  it("a stale version is refused with 409 and the other change shown, never overwritten", async () => {
    const first = await stepPost(newPlanId, 2, { intent: "autosave", version: "0", structure: "Bản A" }, producer);
    expect(first.status).toBe(200);
    const second = await stepPost(newPlanId, 2, { intent: "autosave", version: "1", structure: "Bản B (tab 1)" }, producer);
    expect(second.data.version).toBe(2);
    const stale = await stepPost(newPlanId, 2, { intent: "autosave", version: "1", structure: "Bản C (tab 2)" }, producer);
    expect(stale.status).toBe(409);
    expect(stale.data.errors._form).toMatch(/vừa được .* lưu lúc \d{2}:\d{2} \(phiên bản 2\)/);
    expect(stale.data.detail.conflict.values.structure).toBe("Bản B (tab 1)");
    expect(stale.data.values.structure).toBe("Bản C (tab 2)");
    const row = await db().planStep.findUniqueOrThrow({ where: { planId_step: { planId: newPlanId, step: 2 } } });
    expect(JSON.parse(row.data).structure).toBe("Bản B (tab 1)");
    // a second "first save" of the same step is a conflict too
    expect((await stepPost(newPlanId, 2, { intent: "autosave", version: "0", structure: "X" }, producer)).status).toBe(409);
    // overwriting on purpose names the version seen
    const overwrite = await stepPost(newPlanId, 2, { intent: "save", version: "1", overwriteVersion: "2", structure: "Bản C (tab 2)" }, producer);
    expect(overwrite.data.version).toBe(3);
  });

  it("refuses badly typed values at the field, saving nothing", async () => {
    expect((await savePartialStep9()).status).toBe(200);
    const before = await tableCounts();
    const beforeRow = await db().planStep.findUniqueOrThrow({ where: { planId_step: { planId: newPlanId, step: 9 } } });
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ intent: "save", version: "1", "products.0.price": "mười nghìn" }, "products.0.price", "Số tiền không hợp lệ"],
      [{ intent: "save", version: "1", depreciation: "-5" }, "depreciation", "không được âm"],
      [{ intent: "save", version: "1", years: "7" }, "years", "Lựa chọn không hợp lệ"],
      [{ intent: "save", version: "1", taxRate: "150" }, "taxRate", "phần trăm"],
      [{ intent: "save", version: "1", "products.0.name": "x".repeat(100_000) }, "products.0.name", "quá dài"],
      [{ intent: "save", version: "1", years: ["3", "4"] }, "years", "không hợp lệ"],
      [{ intent: "save", version: "abc" }, "version", "Phiên bản"],
      [{ intent: "publish", version: "1" }, "intent", "Lựa chọn"],
      [{}, "intent", "Lựa chọn"],
    ];
    for (const [fields, field, message] of cases) {
      const res = await stepPost(newPlanId, 9, fields, producer);
      expect(res.status, field).toBe(400);
      expect(res.data.errors[field], field).toContain(message);
    }
    expect(await tableCounts()).toEqual(before);
    expect((await db().planStep.findUniqueOrThrow({ where: { planId_step: { planId: newPlanId, step: 9 } } })).version).toBe(beforeRow.version);
  });

  it("unknown steps are 404", async () => {
    for (const step of ["0", "13", "abc"]) expect((await stepGet(newPlanId, step, producer)).status).toBe(404);
  });
});

describe("who sees which plan", () => {
  it("another producer gets 404 on the plan, its steps, print view and saves", async () => {
    const other = await otherProducer();
    const before = await tableCounts();
    expect((await stepGet(demoPlanId, 1, other)).status).toBe(404);
    expect((await stepPost(demoPlanId, 1, { intent: "save", version: "1", representative: "x" }, other)).status).toBe(404);
    const p = { planId: String(demoPlanId) };
    expect(
      (await run(() => overview.loader({ request: getRequest(`/phuong-an/${demoPlanId}`, { cookie: other }), params: p, context: testContext() }))).status,
    ).toBe(404);
    expect(
      (await run(() => printRoute.loader({ request: getRequest(`/phuong-an/${demoPlanId}/in`, { cookie: other }), params: p, context: testContext() }))).status,
    ).toBe(404);
    expect(await tableCounts()).toEqual(before);
  });

  it("an invited consultant reads the draft but cannot save; others roles are refused", async () => {
    const page = await stepGet(demoPlanId, 9, consultant);
    expect(page.status).toBe(200);
    expect(page.data.editable).toBe(false);
    expect((await stepPost(demoPlanId, 9, { intent: "save", version: "1" }, consultant)).status).toBe(403);
    expect((await stepGet(newPlanId, 1, consultant)).status).toBe(404); // not invited to this one
    expect((await stepGet(demoPlanId, 1, await cookieFor("appraiser"))).status).toBe(403);
  });

  it("the producer invites and uninvites a consultant by email or phone", async () => {
    const p = { planId: String(newPlanId) };
    const post = (fields: Record<string, string>) =>
      run(() => overview.action({ request: postRequest(`/phuong-an/${newPlanId}`, fields, { cookie: producer }), params: p, context: testContext() }));
    expect((await post({ intent: "invite", contact: "hocvien@ocop-demo.vn" })).status).toBe(404); // a learner, not a consultant
    const ok = await post({ intent: "invite", contact: "0912 000 005" });
    expect(ok.status).toBe(200);
    expect((await stepGet(newPlanId, 1, consultant)).status).toBe(200);
    const consultantId = (await db().user.findUniqueOrThrow({ where: { email: "tuvan@ocop-demo.vn" } })).id;
    await post({ intent: "uninvite", userId: String(consultantId) });
    expect((await stepGet(newPlanId, 1, consultant)).status).toBe(404);
  });
});

describe("overview and print", () => {
  it("the seeded plan is complete; the new one lists its missing steps", async () => {
    expect((await savePartialStep9()).status).toBe(200);
    const demo = await run(() =>
      overview.loader({
        request: getRequest(`/phuong-an/${demoPlanId}`, { cookie: producer }),
        params: { planId: String(demoPlanId) },
        context: testContext(),
      }),
    );
    expect(demo.data.steps.every((s: { complete: boolean }) => s.complete)).toBe(true);
    const fresh = await run(() =>
      overview.loader({ request: getRequest(`/phuong-an/${newPlanId}`, { cookie: producer }), params: { planId: String(newPlanId) }, context: testContext() }),
    );
    const step9 = fresh.data.steps[8];
    expect(step9.complete).toBe(false);
    expect(step9.missing.join(" ")).toContain("Chi phí biến đổi");
  });

  it("the print view carries every step's values", async () => {
    const res = await run(() =>
      printRoute.loader({
        request: getRequest(`/phuong-an/${demoPlanId}/in`, { cookie: consultant }),
        params: { planId: String(demoPlanId) },
        context: testContext(),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.data.steps).toHaveLength(12);
    expect(res.data.steps[8].products[0].price).toBe(180000);
  });
});

describe("officers' idea registration (/y-tuong)", () => {
  const officerGet = (cookie: string, query = "") =>
    run(() => unitIdeas.loader({ request: getRequest(`/y-tuong${query}`, { cookie }), params: {}, context: testContext() }));
  const officerPost = (cookie: string, fields: Record<string, string>) =>
    run(() => unitIdeas.action({ request: postRequest("/y-tuong", fields, { cookie }), params: {}, context: testContext() }));

  it("a commune officer registers an idea for a producer of their commune only, and sees only their commune's ideas", async () => {
    const officer = await cookieFor(await userIdOf("thamdinh@ocop-demo.vn")); // appraiser of Xã Thiên Lộc
    const page = await officerGet(officer);
    expect(page.status).toBe(200);
    const thienLoc = await db().producerOrg.findFirstOrThrow({ where: { unit: { name: "Xã Thiên Lộc" } }, include: { unit: true } });
    const sonKim = await db().producerOrg.findFirstOrThrow({ where: { plans: { some: { id: demoPlanId } } } });
    const offered = page.data.orgs.map((o: { value: string }) => Number(o.value));
    expect(offered).toContain(thienLoc.id);
    expect(offered).not.toContain(sonKim.id);
    expect(page.data.ideas.every((i: { unit: string }) => i.unit === "Xã Thiên Lộc")).toBe(true);

    const before = await tableCounts();
    const outside = await officerPost(officer, { orgId: String(sonKim.id), title: "Mật ong", ocopGroup: "THUC_PHAM" });
    expect(outside.status).toBe(404);
    expect(outside.data.errors.orgId).toBe("Chủ thể này không thuộc địa bàn của bạn.");
    const bad = await officerPost(officer, { orgId: String(thienLoc.id), title: "", ocopGroup: "THUC_PHAM" });
    expect(bad.status).toBe(400);
    expect(bad.data.errors.title).toMatch(/[ạ-ỹà-ýđ]/i);
    // no producer chosen (the form preselects none)
    const none = await officerPost(officer, { orgId: "", title: "Mật ong", ocopGroup: "THUC_PHAM" });
    expect(none.status).toBe(400);
    expect(none.data.errors.orgId).toBe("Vui lòng chọn chủ thể đăng ký ý tưởng.");
    expect(await tableCounts()).toEqual(before);

    const ok = await officerPost(officer, {
      orgId: String(thienLoc.id),
      title: "Cam bù sấy dẻo",
      ocopGroup: "THUC_PHAM",
      description: "Cán bộ xã đăng ký thay",
    });
    expect(ok.status).toBe(200);
    const after = await officerGet(officer);
    expect(after.data.ideas[0]).toMatchObject({ title: "Cam bù sấy dẻo", org: thienLoc.name, unit: "Xã Thiên Lộc", plan: "Chưa lập phương án" });
    // the producer finds it in their own list, ready to build a plan from
    const owner = await cookieFor(thienLoc.ownerId);
    const producerPage = await run(() => list.loader({ request: getRequest("/phuong-an", { cookie: owner }), params: {}, context: testContext() }));
    expect(producerPage.data.ideas.map((i: { title: string }) => i.title)).toContain("Cam bù sấy dẻo");
  });

  it("a scope without units reaches no organisation (never all of them)", async () => {
    const org = await db().producerOrg.findFirstOrThrow();
    const before = await tableCounts();
    const nobody = { user: { id: 0, grants: [] }, sessionId: "" } as unknown as Auth;
    const none = orgWhere(nobody, planPermissions.unitIdeas);
    expect(await registerIdea(none, { orgId: org.id, title: "Không ai", ocopGroup: "THUC_PHAM", description: "" })).toEqual({ ok: false, error: "outside" });
    expect(await ideasIn(none)).toEqual([]);
    expect(await orgsIn(none)).toEqual([]);
    expect(await tableCounts()).toEqual(before);
  });

  it("filters by local year: the 2020 ideas of the seed are there for the province, not in this year's list", async () => {
    const admin = await cookieFor("admin");
    const y2020 = await officerGet(admin, "?nam=2020");
    expect(y2020.data.ideas).toHaveLength(180);
    const thisYear = await officerGet(admin);
    expect(thisYear.data.ideas.some((i: { title: string }) => i.title.startsWith("Ý tưởng sản phẩm 2020"))).toBe(false);
  });
});
