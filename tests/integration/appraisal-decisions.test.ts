import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClockOffset } from "~/appraisal/clock.server";
import { db } from "~/db/db.server";
import * as overview from "~/routes/phuong-an.$planId._index";
import * as settings from "~/routes/quan-tri.cai-dat";
import * as caseRoute from "~/routes/tham-dinh.$caseId";
import * as queue from "~/routes/tham-dinh._index";
import { DEMO_PLAN_TITLE } from "../../prisma/seed-plans";
import { decided, decidePost as decideRaw, demoCookies, seenOf } from "../support/appraisal";
import { cookieFor, getRequest, postRequest, run, tableCounts, testContext } from "../support/http";

/**
 * Issue 14, item 7: no default decision, only the level's decisions, a confirmation, a handled list, a clock that stops.
 * Every test starts with the demo plan just submitted (version 1, at the commune); those about a returned case return it first.
 */

let producer: string;
let commune: string;
let planId: number;
let provinceId: number;
const DAY = 86_400_000;

const submit = () =>
  run(() =>
    overview.action({
      request: postRequest(`/phuong-an/${planId}`, { intent: "submit" }, { cookie: producer }),
      params: { planId: String(planId) },
      context: testContext(),
    }),
  );
const caseGet = (cookie: string) =>
  run(() => caseRoute.loader({ request: getRequest(`/tham-dinh/${planId}`, { cookie }), params: { caseId: String(planId) }, context: testContext() }));
const decidePost = (cookie: string, fields: Record<string, string>) => decideRaw(planId, cookie, fields);
const queueGet = (cookie: string) => run(() => queue.loader({ request: getRequest("/tham-dinh", { cookie }), params: {}, context: testContext() }));
const current = () => db().appraisalCase.findUniqueOrThrow({ where: { planId } });
const seen = () => seenOf(planId);
/** The commune officer returns the case (the clock stops with the producer). */
const returned = () => decided(planId, commune, "RETURN", "Bổ sung căn cứ khấu hao ở bước 9.");

beforeAll(async () => {
  ({ producer, commune } = await demoCookies());
  const plan = await db().businessPlan.findFirstOrThrow({ where: { title: DEMO_PLAN_TITLE }, include: { org: { include: { unit: true } } } });
  planId = plan.id;
  provinceId = Number(plan.org.unit.path.split("/")[1]);
  expect((await submit()).status).toBe(200);
});

afterEach(() => setClockOffset(0));

describe("the decision form", () => {
  it("offers a commune officer forward, return and reject — never approve — in the chain commune → province", async () => {
    const page = await caseGet(commune);
    expect(page.data.decisions.map((d: { value: string }) => d.value)).toEqual(["FORWARD", "RETURN", "REJECT"]);
  });

  it("has no default: a missing decision is refused at the field, writing nothing", async () => {
    const before = await tableCounts();
    const res = await decidePost(commune, { reason: "", ...(await seen()) });
    expect(res.status).toBe(400);
    expect(res.data.errors.decision).toBe("Chọn một quyết định.");
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses approve from a commune officer even when posted by hand", async () => {
    const res = await decidePost(commune, { decision: "APPROVE", confirm: "yes", ...(await seen()) });
    expect(res.status).toBe(422);
    expect((await current()).status).toBe("SUBMITTED");
  });
});

describe("confirmation", () => {
  it("a decision without confirmation only states its consequence; confirmed, it applies", async () => {
    const before = await tableCounts();
    const fields = { decision: "RETURN", reason: "Bổ sung căn cứ khấu hao ở bước 9.", ...(await seen()) };
    const ask = await decidePost(commune, fields);
    expect(ask.status).toBe(200);
    expect(ask.data.confirm).toMatchObject({ decision: "RETURN", reason: "Bổ sung căn cứ khấu hao ở bước 9." });
    expect(ask.data.confirm.consequence).toBe("Hồ sơ sẽ được trả cho chủ thể để sửa; đồng hồ hạn xử lý dừng cho đến khi chủ thể nộp lại.");
    expect(await tableCounts()).toEqual(before);
    expect((await current()).status).toBe("SUBMITTED");

    const done = await decidePost(commune, { ...fields, confirm: "yes" });
    expect(done.status).toBe(200);
    expect((await current()).status).toBe("RETURNED");
  });
});

describe("after returning", () => {
  it("the case stays in the officer's 'handled by me' list with where it is now", async () => {
    await returned();
    const res = await queueGet(commune);
    expect(res.data.rows.map((r: { planId: number }) => r.planId)).not.toContain(planId);
    const handled = res.data.handled.find((h: { planId: number }) => h.planId === planId);
    expect(handled).toMatchObject({ decision: "Trả lại để sửa", status: "Trả lại để sửa" });
    expect(handled.clock).toBe("Đồng hồ dừng khi hồ sơ ở chỗ chủ thể");
  });

  it("the case page says the clock is stopped and shows no countdown", async () => {
    await returned();
    setClockOffset(20 * DAY);
    const page = await caseGet(commune);
    expect(page.data.c.clockStopped).toBe(true);
    expect(page.data.c.left).toBe("Đồng hồ dừng khi hồ sơ ở chỗ chủ thể");
    expect(page.data.c.overdue).toBe(false);
  });

  it("by default (today's rule) the level gets a full deadline again on resubmission", async () => {
    await returned();
    setClockOffset(3 * DAY);
    expect((await submit()).status).toBe(200);
    const c = await current();
    expect(c.pausedAt).toBeNull();
    expect(c.deadlineAt.getTime() - c.receivedAt.getTime()).toBeGreaterThan(5 * DAY - DAY);
    expect(c.deadlineAt.getTime() - Date.now()).toBeGreaterThan(3 * DAY + 4 * DAY);
  });

  it("under the 'resume' rule the clock continues with the days that were left", async () => {
    // returned once and resubmitted on day 3, under today's rule: a fresh 5-day deadline from day 3
    await returned();
    setClockOffset(3 * DAY);
    expect((await submit()).status).toBe(200);
    await db().provinceSettings.upsert({
      where: { unitId: provinceId },
      create: { unitId: provinceId, clockOnResubmit: "RESUME" },
      update: { clockOnResubmit: "RESUME" },
    });
    const received = (await current()).receivedAt;
    // returned on day 2 of 5 → 3 days left, then with the producer for 10 days
    setClockOffset(3 * DAY + 2 * DAY);
    expect((await decidePost(commune, { decision: "RETURN", reason: "Thiếu hợp đồng", confirm: "yes", ...(await seen()) })).status).toBe(200);
    const paused = await current();
    expect(paused.pausedAt).not.toBeNull();
    setClockOffset(3 * DAY + 12 * DAY);
    expect((await submit()).status).toBe(200);
    const resumed = await current();
    const localDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    const resubmittedDay = localDay(resumed.receivedAt);
    const expected = new Date(Date.parse(`${resubmittedDay}T00:00:00Z`) + 3 * DAY).toISOString().slice(0, 10);
    expect(localDay(resumed.deadlineAt)).toBe(expected);
    expect(received.getTime()).toBeLessThan(resumed.receivedAt.getTime());
  });

  it("the province admin sets the rule in the settings", async () => {
    const admin = await cookieFor("admin");
    const fields = {
      level1: "COMMUNE",
      level2: "PROVINCE",
      deadlineCOMMUNE: "5",
      deadlineDISTRICT: "5",
      deadlinePROVINCE: "5",
      deadlineKind: "CALENDAR",
      overdueRule: "FLAG",
      clockOnResubmit: "RESUME",
    };
    const res = await run(() => settings.action({ request: postRequest("/quan-tri/cai-dat", fields, { cookie: admin }), params: {}, context: testContext() }));
    expect(res.status).toBe(200);
    const page = await run(() => settings.loader({ request: getRequest("/quan-tri/cai-dat", { cookie: admin }), params: {}, context: testContext() }));
    expect(page.data.provinces[0].clockOnResubmit).toBe("RESUME");
    const bad = await run(() =>
      settings.action({
        request: postRequest("/quan-tri/cai-dat", { ...fields, clockOnResubmit: "NEVER" }, { cookie: admin }),
        params: {},
        context: testContext(),
      }),
    );
    expect(bad.status).toBe(400);
  });
});
