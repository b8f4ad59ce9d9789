import { rebuildStats } from "../../app/appraisal/counters.server";
import { createDb } from "../../app/db/db.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/demo-data";
import { type Scenario, loginCookie } from "../harness";

/**
 * The statistics dashboard over a big year: 10 000 plans and 50 000 state changes across the
 * province (year 2025), read by the province admin (whole province in scope).
 */
const FULL_PLANS = 10_000;
let PLANS = FULL_PLANS;
const EVENTS_PER_PLAN = 5;
const YEAR = 2025;
const ACTIONS = ["SUBMIT", "FORWARD", "RETURN", "RESUBMIT", "FORWARD", "APPROVE", "REJECT", "OVERDUE"];

export const statsDashboard: Scenario = {
  name: "stats-dashboard",
  description: `One connection, admin GET /thong-ke/tham-dinh over ${FULL_PLANS} plans and ${FULL_PLANS * EVENTS_PER_PLAN} audit events (one year, whole province)`,
  baseline: "hello",
  repeatable: true,
  prepare: async (server, mode) => {
    PLANS = mode.smoke ? 500 : FULL_PLANS;
    const admin = DEMO_ACCOUNTS.find((a) => a.role === "admin")!;
    const cookie = await loginCookie(server, admin.email, DEMO_PASSWORD);
    const db = createDb(server.databaseUrl);
    const communes = await db.unit.findMany({ where: { level: "COMMUNE" }, select: { id: true, path: true } });
    const owner = await db.user.findFirstOrThrow({ where: { email: "chuthe@ocop-demo.vn" } });
    const orgIds: { id: number; path: string }[] = [];
    for (const c of communes) {
      const org = await db.producerOrg.create({ data: { name: `HTX bench ${c.id}`, kind: "HTX", address: "Hà Tĩnh", unitId: c.id, ownerId: owner.id } });
      orgIds.push({ id: org.id, path: c.path });
    }
    const created = new Date(Date.UTC(YEAR, 3, 1));
    for (let start = 0; start < PLANS; start += 2000) {
      // each plan's registered idea (what the funnel's first bar counts)
      await db.productIdea.createMany({
        data: Array.from({ length: Math.min(2000, PLANS - start) }, (_, i) => ({
          orgId: orgIds[(start + i) % orgIds.length].id,
          title: `Bench ${start + i}`,
          ocopGroup: "THUC_PHAM",
          createdAt: created,
        })),
      });
      await db.businessPlan.createMany({
        data: Array.from({ length: Math.min(2000, PLANS - start) }, (_, i) => ({
          orgId: orgIds[(start + i) % orgIds.length].id,
          title: `Bench ${start + i}`,
          status: "APPROVED",
          createdAt: created,
        })),
      });
    }
    const plans = await db.businessPlan.findMany({ where: { title: { startsWith: "Bench " } }, select: { id: true, orgId: true } });
    const pathOf = new Map(orgIds.map((o) => [o.id, o.path]));
    for (let start = 0; start < plans.length; start += 2000) {
      const chunk = plans.slice(start, start + 2000);
      await db.appraisalCase.createMany({
        data: chunk.map((p, i) => ({
          planId: p.id,
          status: "APPROVED",
          levelIndex: 1,
          level: "PROVINCE",
          unitPath: pathOf.get(p.orgId)!,
          year: YEAR,
          versionNumber: 1,
          receivedAt: created,
          deadlineAt: created,
          officialStars: 1 + ((start + i) % 5),
        })),
      });
      await db.appraisalEvent.createMany({
        data: chunk.flatMap((p, i) =>
          Array.from({ length: EVENTS_PER_PLAN }, (_, k) => ({
            planId: p.id,
            versionNumber: 1,
            action: ACTIONS[(start + i + k) % ACTIONS.length],
            fromStatus: "SUBMITTED",
            toStatus: "SUBMITTED",
            fromLevel: k % 2 ? "COMMUNE" : "PROVINCE",
            toLevel: "PROVINCE",
            unitPath: pathOf.get(p.orgId)!,
            year: YEAR,
            createdAt: created,
          })),
        ),
      });
    }
    await rebuildStats(db);
    await db.$disconnect();
    // One connection: the latency is the page's server time (with 10, it is mostly queueing).
    return { url: `${server.url}/thong-ke/tham-dinh?nam=${YEAR}`, headers: { cookie }, connections: 1 };
  },
  verify: async (server) => {
    const db = createDb(server.databaseUrl);
    const [plans, events] = await Promise.all([
      db.businessPlan.count({ where: { title: { startsWith: "Bench " } } }),
      db.appraisalEvent.count({ where: { year: YEAR } }),
    ]);
    await rebuildStats(db);
    await db.$disconnect();
    if (plans !== PLANS || events !== PLANS * EVENTS_PER_PLAN) throw new Error(`expected ${PLANS} plans, found ${plans} (${events} events)`);
    return { plans, events, target_p99_ms: 100 };
  },
};
