import crypto from "node:crypto";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { submitPlan } from "~/appraisal/appraisal.server";
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
  const tables = await db().$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('_prisma_migrations', 'Session') ORDER BY name",
  );
  const hash = crypto.createHash("sha256");
  for (const { name } of tables) {
    const rows = await db().$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}" ORDER BY rowid`);
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
  const idea = (await registerIdea(owner, { orgId: demo.org.id, title: `Phương án thử ${Math.random()}`, ocopGroup: "THUC_PHAM", description: "" })) as { id: number };
  const plan = (await createPlanFromIdea(idea.id, owner, demo.org.ownerId))!;
  await db().planStep.deleteMany({ where: { planId: plan.id } });
  await db().planStep.createMany({ data: demo.steps.map((s) => ({ planId: plan.id, step: s.step, data: s.data, complete: s.complete, updatedById: demo.org.ownerId })) });
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
  case: () => run(() => casePage.loader({ request: getRequest(`/tham-dinh/${planId}`, { cookie: appraiser }), params: { caseId: String(planId) }, context: testContext() })),
  plan: () => run(() => planPage.loader({ request: getRequest(`/phuong-an/${planId}`, { cookie: producer }), params: { planId: String(planId) }, context: testContext() })),
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
