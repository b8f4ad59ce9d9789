import crypto from "node:crypto";
import { tableNames, tableRows } from "~/db/tables.server";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { submitPlan } from "~/appraisal/appraisal.server";
import { sweepOverdue } from "~/appraisal/overdue.server";
import { setClockOffset } from "~/appraisal/clock.server";
import { db } from "~/db/db.server";
import * as planPage from "~/routes/phuong-an.$planId._index";
import * as casePage from "~/routes/tham-dinh.$caseId";
import * as queuePage from "~/routes/tham-dinh._index";
import * as statsPage from "~/routes/thong-ke.tham-dinh";
import { createPlanFromIdea, registerIdea } from "~/plans/plans.server";
import { APPRAISAL_DEMO, DEMO_PLAN_TITLE } from "../../prisma/seed-plans";
import { cookieFor, getRequest, run, testContext, userIdOf } from "../support/http";

/** Every row of every table but the test's own sessions, hashed: an update shows as well as an insert. */
async function digest(): Promise<string> {
  const tables = (await tableNames()).filter((n) => n !== "Session");
  const hash = crypto.createHash("sha256");
  for (const name of tables) {
    const rows = await tableRows(name);
    hash.update(name + JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? Number(v) : v)));
  }
  return hash.digest("hex");
}

let planId: number;
let appraiser: string;
let producer: string;
let admin: string;
const DAYS_30 = 30 * 86_400_000;

/** A complete copy of the demo plan, submitted now: a case of its own that each test lets run late. */
async function submittedCase(): Promise<number> {
  const demo = await db().businessPlan.findFirstOrThrow({ where: { title: DEMO_PLAN_TITLE }, include: { org: true, steps: true } });
  const owner = { ownerId: demo.org.ownerId };
  const idea = (await registerIdea(owner, { orgId: demo.org.id, title: `Phương án thử ${Math.random()}`, ocopGroup: "THUC_PHAM", description: "" })) as {
    id: number;
  };
  const plan = (await createPlanFromIdea(idea.id, owner, demo.org.ownerId))!;
  await db().planStep.deleteMany({ where: { planId: plan.id } });
  await db().planStep.createMany({
    data: demo.steps.map((s) => ({ planId: plan.id, step: s.step, data: s.data, complete: s.complete, updatedById: demo.org.ownerId })),
  });
  expect((await submitPlan(plan.id, demo.org.ownerId)).ok).toBe(true);
  return plan.id;
}

beforeAll(async () => {
  appraiser = await cookieFor(await userIdOf(APPRAISAL_DEMO.communeAppraiser.email));
  producer = await cookieFor("producer");
  admin = await cookieFor("admin");
});

beforeEach(async () => {
  planId = await submittedCase();
});

afterEach(() => setClockOffset(0));

const pages = {
  queue: () => run(() => queuePage.loader({ request: getRequest("/tham-dinh", { cookie: appraiser }), params: {}, context: testContext() })),
  case: () =>
    run(() =>
      casePage.loader({ request: getRequest(`/tham-dinh/${planId}`, { cookie: appraiser }), params: { caseId: String(planId) }, context: testContext() }),
    ),
  plan: () =>
    run(() =>
      planPage.loader({ request: getRequest(`/phuong-an/${planId}`, { cookie: producer }), params: { planId: String(planId) }, context: testContext() }),
    ),
  statistics: () => run(() => statsPage.loader({ request: getRequest("/thong-ke/tham-dinh", { cookie: admin }), params: {}, context: testContext() })),
};

describe("GET pages that show cases write nothing, even past a deadline", () => {
  for (const [name, get] of Object.entries(pages)) {
    it(`the ${name} page`, async () => {
      setClockOffset(DAYS_30);
      const before = await digest();
      expect((await get()).status).toBe(200);
      expect(await digest()).toBe(before);
    });
  }
});

describe.each(["FLAG", "LAPSE"])("under the %s rule, a page shows before the sweep what it shows after it", (rule) => {
  let provinceId: number;
  beforeEach(async () => {
    const org = await db().producerOrg.findFirstOrThrow({ where: { plans: { some: { id: planId } } }, include: { unit: true } });
    provinceId = Number(org.unit.path.split("/")[1]);
    await db().provinceSettings.upsert({ where: { unitId: provinceId }, create: { unitId: provinceId, overdueRule: rule }, update: { overdueRule: rule } });
  });
  afterEach(() => db().provinceSettings.update({ where: { unitId: provinceId }, data: { overdueRule: "FLAG" } }));

  it("the queue, the case, the plan and the statistics", async () => {
    setClockOffset(DAYS_30);
    const read = async () => ({
      queue: (await pages.queue()).data,
      case: (await pages.case()).data,
      plan: (await pages.plan()).data,
      statistics: (await pages.statistics()).data,
    });
    const before = await read();
    expect(before.plan.appraisal.case.overdue).toBe(true);
    expect(before.plan.plan.status).toBe(rule === "LAPSE" ? "LAPSED" : "SUBMITTED");
    expect(before.queue.rows.some((r: { planId: number }) => r.planId === planId)).toBe(rule === "FLAG");
    expect(await sweepOverdue()).toBeGreaterThanOrEqual(1);
    const after = await read();
    expect(after.queue).toEqual(before.queue);
    expect(after.statistics).toEqual(before.statistics);
    expect(after.plan.plan).toEqual(before.plan.plan);
    expect(after.plan.appraisal.case).toEqual(before.plan.appraisal.case);
    // the case as shown (a closing sweep bumps the revision, which the page only carries in its form)
    expect({ ...after.case.c, revision: 0 }).toEqual({ ...before.case.c, revision: 0 });
    expect(after.case.decisions).toEqual(before.case.decisions);
    expect(after.case.canComment).toBe(before.case.canComment);
    // and the trail gains the sweep's one event
    expect(after.case.trail.length).toBe(before.case.trail.length + 1);
  });
});
