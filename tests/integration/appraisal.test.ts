import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { addComment } from "~/appraisal/appraisal.server";
import { sweepOverdue } from "~/appraisal/overdue.server";
import { rebuildStats } from "~/appraisal/counters.server";
import { setClockOffset } from "~/appraisal/clock.server";
import { db } from "~/db/db.server";
import { createPlanFromIdea, registerIdea } from "~/plans/plans.server";
import * as overview from "~/routes/phuong-an.$planId._index";
import * as caseRoute from "~/routes/tham-dinh.$caseId";
import * as queue from "~/routes/tham-dinh._index";
import * as stats from "~/routes/thong-ke.tham-dinh";
import * as results from "~/routes/ket-qua-danh-gia";
import * as csv from "~/routes/thong-ke.tham-dinh[.]csv";
import * as stepRoute from "~/routes/phuong-an.$planId.buoc.$step";
import { APPRAISAL_DEMO, DEMO_PLAN_TITLE, THIENLOC_PLAN_TITLE } from "../../prisma/seed-plans";
import { RETURN_REASON, caseAt, decidePost as decideRaw, demoPlanId } from "../support/appraisal";
import { cookieFor, getRequest, postRequest, run, tableCounts, testContext, userIdOf } from "../support/http";

/** Each test starts from the seed (the demo plan a complete draft) and brings the case where it needs it with `caseAt`. */
let producer: string;
let communeSonKim: string;
let communeThienLoc: string;
let province: string;
let planId: number;
const p = () => ({ planId: String(planId) });
const c = () => ({ caseId: String(planId) });

const submit = (cookie = producer) =>
  run(() => overview.action({ request: postRequest(`/phuong-an/${planId}`, { intent: "submit" }, { cookie }), params: p(), context: testContext() }));
const caseGet = (cookie: string) =>
  run(() => caseRoute.loader({ request: getRequest(`/tham-dinh/${planId}`, { cookie }), params: c(), context: testContext() }));
const decidePost = (cookie: string, fields: Record<string, string>) => decideRaw(planId, cookie, { confirm: "yes", ...fields });

beforeAll(async () => {
  producer = await cookieFor("producer");
  communeSonKim = await cookieFor(await userIdOf(APPRAISAL_DEMO.communeAppraiser.email));
  communeThienLoc = await cookieFor(await userIdOf("thamdinh@ocop-demo.vn"));
  province = await cookieFor(await userIdOf("thamdinh.tinh@ocop-demo.vn"));
  planId = await demoPlanId();
});

afterEach(() => setClockOffset(0));

describe("submission", () => {
  it("an incomplete plan is refused with the list of missing steps, writing nothing", async () => {
    const org = await db().producerOrg.findFirstOrThrow({ where: { plans: { some: { id: planId } } } });
    const idea = (await registerIdea({ ownerId: org.ownerId }, { orgId: org.id, title: "Chưa xong", ocopGroup: "THUC_PHAM", description: "" })) as {
      id: number;
    };
    const draft = (await createPlanFromIdea(idea.id, { ownerId: org.ownerId }, org.ownerId))!;
    const before = await tableCounts();
    const res = await run(() =>
      overview.action({
        request: postRequest(`/phuong-an/${draft.id}`, { intent: "submit" }, { cookie: producer }),
        params: { planId: String(draft.id) },
        context: testContext(),
      }),
    );
    expect(res.status).toBe(422);
    expect(res.data.errors._form).toBe("Chưa nộp được: còn thiếu các bước 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12.");
    expect(await tableCounts()).toEqual(before);
  });

  it("submitting freezes version 1 and routes it to the commune appraiser of the producer's commune only", async () => {
    const res = await submit();
    expect(res.status).toBe(200);
    expect(res.data.message).toBe("Đã nộp phiên bản 1.");
    const cs = await db().appraisalCase.findUniqueOrThrow({ where: { planId } });
    expect(cs).toMatchObject({ status: "SUBMITTED", level: "COMMUNE", versionNumber: 1 });
    expect(cs.deadlineAt.getTime() - cs.receivedAt.getTime()).toBeGreaterThan(4 * 86_400_000);
    // the plan is now locked for editing
    const locked = await run(() =>
      stepRoute.action({
        request: postRequest(`/phuong-an/${planId}/buoc/2`, { intent: "save", version: "1" }, { cookie: producer }),
        params: { planId: String(planId), step: "2" },
        context: testContext(),
      }),
    );
    expect(locked.status).toBe(409);
    // a double submit does nothing more
    expect((await submit()).status).toBe(409);
    const sonKimQueue = await run(() => queue.loader({ request: getRequest("/tham-dinh", { cookie: communeSonKim }), params: {}, context: testContext() }));
    expect(sonKimQueue.data.rows.map((r: { planId: number }) => r.planId)).toContain(planId);
    const notes = await db().notification.count({ where: { userId: await userIdOf(APPRAISAL_DEMO.communeAppraiser.email) } });
    expect(notes).toBe(1);
  });

  it("an appraiser of another unit can neither see nor act on the plan", async () => {
    await caseAt("submitted");
    const thienLocQueue = await run(() => queue.loader({ request: getRequest("/tham-dinh", { cookie: communeThienLoc }), params: {}, context: testContext() }));
    expect(thienLocQueue.data.rows.map((r: { planId: number }) => r.planId)).not.toContain(planId);
    expect((await caseGet(communeThienLoc)).status).toBe(404);
    const before = await tableCounts();
    expect((await decidePost(communeThienLoc, { decision: "RETURN", reason: "x", revision: "1", version: "1" })).status).toBe(404);
    // the province appraiser sees it (within the province) but cannot decide at commune level
    const seen = await caseGet(province);
    expect(seen.status).toBe(200);
    expect(seen.data.decisions).toEqual([]);
    expect((await decidePost(province, { decision: "FORWARD", revision: "1", version: "1" })).status).toBe(403);
    expect(await tableCounts()).toEqual(before);
  });
});

describe("decisions", () => {
  it("return needs a reason; the producer resubmits version 2; an old-version decision is refused", async () => {
    await caseAt("submitted");
    const noReason = await decidePost(communeSonKim, { decision: "RETURN", reason: "", revision: "1", version: "1" });
    expect(noReason.status).toBe(400);
    expect(noReason.data.errors.reason).toBe("Vui lòng nêu lý do.");
    const bad = await decidePost(communeSonKim, { decision: "APPROVE_ALL", revision: "1", version: "1" });
    expect(bad.status).toBe(400);
    const ret = await decidePost(communeSonKim, { decision: "RETURN", reason: RETURN_REASON, revision: "1", version: "1" });
    expect(ret.status).toBe(200);
    expect((await db().businessPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("RETURNED");
    const re = await submit();
    expect(re.data.message).toBe("Đã nộp phiên bản 2.");
    const stale = await decidePost(communeSonKim, { decision: "FORWARD", revision: "3", version: "1" });
    expect(stale.status).toBe(409);
  });

  it("a double forward acts once; approve only at the province", async () => {
    await caseAt("resubmitted");
    const cs = await db().appraisalCase.findUniqueOrThrow({ where: { planId } });
    const fields = { decision: "FORWARD", revision: String(cs.revision), version: String(cs.versionNumber) };
    const [a, b] = await Promise.all([decidePost(communeSonKim, fields), decidePost(communeSonKim, fields)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const after = await db().appraisalCase.findUniqueOrThrow({ where: { planId } });
    expect(after).toMatchObject({ level: "PROVINCE", revision: cs.revision + 1 });
    expect(await db().appraisalEvent.count({ where: { planId, action: "FORWARD" } })).toBe(1);
    const forward = await decidePost(province, { decision: "FORWARD", revision: String(after.revision), version: "2" });
    expect(forward.status).toBe(422);
    const ok = await decidePost(province, { decision: "APPROVE", revision: String(after.revision), version: "2" });
    expect(ok.status).toBe(200);
    expect((await decidePost(province, { decision: "REJECT", reason: "x", revision: String(after.revision + 1), version: "2" })).status).toBe(422);
  });

  it("the audit trail records every transition, visible to the producer without officers' names", async () => {
    await caseAt("approved");
    const events = await db().appraisalEvent.findMany({ where: { planId }, orderBy: { id: "asc" } });
    expect(events.map((e) => `${e.action}:${e.fromStatus}>${e.toStatus}:${e.fromLevel}>${e.toLevel}`)).toEqual([
      "SUBMIT:DRAFT>SUBMITTED:>COMMUNE",
      "RETURN:SUBMITTED>RETURNED:COMMUNE>COMMUNE",
      "RESUBMIT:RETURNED>SUBMITTED:COMMUNE>COMMUNE",
      "FORWARD:SUBMITTED>SUBMITTED:COMMUNE>PROVINCE",
      "APPROVE:SUBMITTED>APPROVED:PROVINCE>PROVINCE",
    ]);
    expect(events[1].reason).toBe(RETURN_REASON);
    const page = await run(() => overview.loader({ request: getRequest(`/phuong-an/${planId}`, { cookie: producer }), params: p(), context: testContext() }));
    const trail = page.data.appraisal.trail;
    expect(trail).toHaveLength(5);
    expect(trail[1].who).toBe("Cán bộ thẩm định");
    expect(trail[0].who).toBe("Phạm Thị Lan");
    const officer = await caseGet(province);
    expect(officer.data.trail[1].who).toBe(APPRAISAL_DEMO.communeAppraiser.fullName);
    expect(officer.data.diff.steps).toEqual([]); // resubmitted unchanged
  });

  it("an officer's comment shows the role, not the name, to the producer: in the loader data, not only the HTML (issue 14.5)", async () => {
    await caseAt("approved");
    // the case is closed (comments follow the decision rule), so the province officer's comment is written directly
    const officerId = await userIdOf("thamdinh.tinh@ocop-demo.vn");
    const versionNumber = (await db().appraisalCase.findUniqueOrThrow({ where: { planId } })).versionNumber;
    await addComment(planId, officerId, { step: 9, body: "Xem lại bảng doanh thu năm 2.", versionNumber }, [], `/phuong-an/${planId}`, "");
    const officerName = (await db().user.findUniqueOrThrow({ where: { id: officerId } })).fullName;
    const page = await run(() => overview.loader({ request: getRequest(`/phuong-an/${planId}`, { cookie: producer }), params: p(), context: testContext() }));
    const comment = page.data.appraisal.comments.find((x: { body: string }) => x.body === "Xem lại bảng doanh thu năm 2.");
    expect(comment.author).toBe("Cán bộ thẩm định");
    expect(JSON.stringify(page.data)).not.toContain(officerName);
    expect(JSON.stringify(page.data)).not.toContain(APPRAISAL_DEMO.communeAppraiser.fullName);
    // the officers themselves still see who wrote it
    const officer = await caseGet(communeSonKim);
    expect(officer.data.comments.find((x: { body: string }) => x.body === "Xem lại bảng doanh thu năm 2.").author).toBe(officerName);
  });

  it("shows officers' names to the producer when the province setting allows it", async () => {
    await caseAt("approved");
    const org = await db().producerOrg.findFirstOrThrow({ where: { plans: { some: { id: planId } } }, include: { unit: true } });
    const provinceId = Number(org.unit.path.split("/")[1]);
    await db().provinceSettings.upsert({
      where: { unitId: provinceId },
      create: { unitId: provinceId, showOfficerNames: true },
      update: { showOfficerNames: true },
    });
    const page = await run(() => overview.loader({ request: getRequest(`/phuong-an/${planId}`, { cookie: producer }), params: p(), context: testContext() }));
    expect(page.data.appraisal.trail[1].who).toBe(APPRAISAL_DEMO.communeAppraiser.fullName);
  });
});

describe("overdue and statistics", () => {
  it("a case past its deadline (clock moved) shows overdue at once, and the sweep marks it once", async () => {
    const thienLoc = await db().appraisalCase.findFirstOrThrow({ where: { plan: { title: THIENLOC_PLAN_TITLE } } });
    expect(thienLoc).toMatchObject({ status: "SUBMITTED", level: "COMMUNE" });
    setClockOffset(6 * 86_400_000);
    const rows = await run(() => queue.loader({ request: getRequest("/tham-dinh", { cookie: communeThienLoc }), params: {}, context: testContext() }));
    const row = rows.data.rows.find((r: { planId: number }) => r.planId === thienLoc.planId);
    expect(row.overdue).toBe(true);
    expect(row.left).toMatch(/^Quá hạn/);
    expect(await db().appraisalEvent.count({ where: { planId: thienLoc.planId, action: "OVERDUE" } })).toBe(0);
    expect(await sweepOverdue()).toBeGreaterThanOrEqual(1);
    expect(await sweepOverdue()).toBe(0);
    expect(await db().appraisalEvent.count({ where: { planId: thienLoc.planId, action: "OVERDUE" } })).toBe(1);
    // the default rule only flags: still in the queue, and a decision prepared before the deadline applies
    expect(await db().appraisalCase.findUniqueOrThrow({ where: { planId: thienLoc.planId } })).toMatchObject({
      status: "SUBMITTED",
      overdue: true,
      revision: thienLoc.revision,
    });
  });

  it("the 2020 funnel of the seed, and the CSV export with BOM and CRLF", async () => {
    const admin = await cookieFor("admin");
    const res = await run(() => stats.loader({ request: getRequest("/thong-ke/tham-dinh?nam=2020", { cookie: admin }), params: {}, context: testContext() }));
    const f = res.data.stats.funnel;
    expect(f.ideas).toBe(180);
    expect(f.appraisedByLevel.find((l: { level: string }) => l.level === "DISTRICT").count).toBe(159);
    // 2020's chain had no commune step: only the levels that acted that year are shown
    expect(f.appraisedByLevel.map((l: { level: string }) => l.level)).toEqual(["DISTRICT", "PROVINCE"]);
    expect(f.approved).toBe(122);
    expect(res.data.stats.stars.find((s: { stars: number }) => s.stars === 3).count).toBe(69);
    const file = await csv.loader({ request: getRequest("/thong-ke/tham-dinh.csv?nam=2020", { cookie: admin }), params: {}, context: testContext() });
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('"Ý tưởng đăng ký",180\r\n');
    // a commune appraiser sees only their commune
    const commune = await run(() =>
      stats.loader({ request: getRequest("/thong-ke/tham-dinh?nam=2020", { cookie: communeThienLoc }), params: {}, context: testContext() }),
    );
    expect(commune.data.stats.unit.name).toBe("Xã Thiên Lộc");
    expect(commune.data.stats.funnel.ideas).toBeLessThan(180);
  });

  it("the counters kept with each transition equal a rebuild from the audit trail", async () => {
    await caseAt("approved");
    const kept = await db().appraisalStat.findMany({ orderBy: [{ year: "asc" }, { unitId: "asc" }, { metric: "asc" }, { level: "asc" }] });
    await rebuildStats(db());
    const rebuilt = await db().appraisalStat.findMany({ orderBy: [{ year: "asc" }, { unitId: "asc" }, { metric: "asc" }, { level: "asc" }] });
    expect(kept).toEqual(rebuilt);
    expect(kept.some((r) => r.metric === "APPROVE" && r.level === "PROVINCE")).toBe(true);
  });

  it("an admin records the official result of an approved product: star counters move", async () => {
    await caseAt("approved");
    const admin = await cookieFor("admin");
    const post = (fields: Record<string, string>) =>
      run(() => results.action({ request: postRequest("/ket-qua-danh-gia", fields, { cookie: admin }), params: {}, context: testContext() }));
    expect((await post({ planId: String(planId), score: "abc" })).status).toBe(400);
    expect((await post({ planId: String(planId), score: "120" })).data.errors.score).toContain("0 đến 100");
    const cs = await db().appraisalCase.findUniqueOrThrow({ where: { planId } });
    const starsBefore = async (n: number) =>
      (await db().appraisalStat.findUnique({ where: { year_unitId_metric_level: { year: cs.year, unitId: 1, metric: `STARS_${n}`, level: "" } } }))?.count ?? 0;
    const three = await starsBefore(3);
    expect((await post({ planId: String(planId), score: "67" })).status).toBe(200);
    expect(await starsBefore(3)).toBe(three + 1);
    expect((await post({ planId: String(planId), score: "72,5" })).status).toBe(200);
    expect(await starsBefore(3)).toBe(three);
    expect(await db().appraisalCase.findUniqueOrThrow({ where: { planId } })).toMatchObject({ officialStars: 4, officialScore: 72.5 });
    // a case that is not approved is refused
    const pending = await db().appraisalCase.findFirstOrThrow({ where: { plan: { title: THIENLOC_PLAN_TITLE } } });
    expect(pending.status).toBe("SUBMITTED");
    expect((await post({ planId: String(pending.planId), score: "50" })).status).toBe(404);
  });
});

describe("the LAPSE overdue rule (the 2020 rule: the locality counts as having no product registered)", () => {
  it("closes the overdue case, tells the producer, refuses decisions and lists the locality in the statistics", async () => {
    const demo = await db().businessPlan.findFirstOrThrow({ where: { title: DEMO_PLAN_TITLE }, include: { org: { include: { unit: true } } } });
    const org = demo.org;
    const provinceId = Number(org.unit.path.split("/")[1]);
    const idea = (await registerIdea({ ownerId: org.ownerId }, { orgId: org.id, title: "Mật ong bạc hà", ocopGroup: "THUC_PHAM", description: "" })) as {
      id: number;
    };
    const plan = (await createPlanFromIdea(idea.id, { ownerId: org.ownerId }, org.ownerId))!;
    await db().planStep.deleteMany({ where: { planId: plan.id } });
    const steps = await db().planStep.findMany({ where: { planId: demo.id } });
    await db().planStep.createMany({
      data: steps.map((st) => ({ planId: plan.id, step: st.step, data: st.data, complete: st.complete, updatedById: org.ownerId })),
    });
    const submitted = await run(() =>
      overview.action({
        request: postRequest(`/phuong-an/${plan.id}`, { intent: "submit" }, { cookie: producer }),
        params: { planId: String(plan.id) },
        context: testContext(),
      }),
    );
    expect(submitted.status).toBe(200);
    await db().provinceSettings.upsert({
      where: { unitId: provinceId },
      create: { unitId: provinceId, overdueRule: "LAPSE" },
      update: { overdueRule: "LAPSE" },
    });
    const cs = await db().appraisalCase.findUniqueOrThrow({ where: { planId: plan.id } });
    setClockOffset(30 * 86_400_000);
    // the producer's page shows the rule applied the moment the deadline passed, writing nothing
    const page = await run(() =>
      overview.loader({ request: getRequest(`/phuong-an/${plan.id}`, { cookie: producer }), params: { planId: String(plan.id) }, context: testContext() }),
    );
    expect(page.data.plan.status).toBe("LAPSED");
    expect(page.data.appraisal.case.status).toBe("LAPSED");
    expect(await db().appraisalCase.findUniqueOrThrow({ where: { planId: plan.id } })).toMatchObject({
      status: "SUBMITTED",
      overdue: false,
      revision: cs.revision,
    });
    // the sweep writes it
    await sweepOverdue();
    expect(await db().appraisalCase.findUniqueOrThrow({ where: { planId: plan.id } })).toMatchObject({
      status: "LAPSED",
      overdue: true,
      revision: cs.revision + 1,
    });
    const event = await db().appraisalEvent.findFirstOrThrow({ where: { planId: plan.id, action: "OVERDUE" } });
    expect(event).toMatchObject({ fromStatus: "SUBMITTED", toStatus: "LAPSED", fromLevel: "COMMUNE" });
    expect(await db().notification.count({ where: { userId: org.ownerId, link: `/phuong-an/${plan.id}`, text: { contains: "không được ghi nhận" } } })).toBe(1);
    // the case left the queue and no decision applies any more
    const rows = await run(() => queue.loader({ request: getRequest("/tham-dinh", { cookie: communeSonKim }), params: {}, context: testContext() }));
    expect(rows.data.rows.map((r: { planId: number }) => r.planId)).not.toContain(plan.id);
    const before = await tableCounts();
    const late = await run(() =>
      caseRoute.action({
        request: postRequest(
          `/tham-dinh/${plan.id}`,
          { intent: "decide", decision: "FORWARD", revision: String(cs.revision + 1), version: "1" },
          { cookie: communeSonKim },
        ),
        params: { caseId: String(plan.id) },
        context: testContext(),
      }),
    );
    expect(late.status).toBe(422);
    expect(late.data.errors._form).toBe("Hồ sơ đã kết thúc, không thể quyết định thêm.");
    expect(await tableCounts()).toEqual(before);
    // statistics: the rule in words, and the commune that let the case lapse
    const admin = await cookieFor("admin");
    const res = await run(() =>
      stats.loader({ request: getRequest(`/thong-ke/tham-dinh?nam=${cs.year}`, { cookie: admin }), params: {}, context: testContext() }),
    );
    expect(res.data.stats.overdueRule).toBe("LAPSE");
    expect(res.data.stats.lapsed).toContainEqual({ unitId: org.unit.id, name: org.unit.name, level: "COMMUNE", cases: 1 });
    expect(res.data.rows).toContainEqual({ label: "Địa phương coi như không có sản phẩm đăng ký (do quá hạn)", value: res.data.stats.lapsed.length });
    // the counters still equal a rebuild from the trail (a rebuild leaves out counters that went back to 0)
    const counters = () =>
      db().appraisalStat.findMany({ where: { count: { not: 0 } }, orderBy: [{ year: "asc" }, { unitId: "asc" }, { metric: "asc" }, { level: "asc" }] });
    const kept = await counters();
    await rebuildStats(db());
    expect(await counters()).toEqual(kept);
  });
});
