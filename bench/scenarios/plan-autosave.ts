import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { sessionIdFromToken } from "../../app/auth/session.server";
import { createDb } from "../../app/db/db.server";
import type { Scenario } from "../harness";

/**
 * 100 producers autosave a step of their own plan at the same time, each through its own
 * connection, as the builder's fetcher does (POST …/buoc/2.data, the version seen last).
 * Afterwards every plan's stored version and text must equal what its producer's successful
 * saves imply: no lost update, no spurious conflict.
 */
const FULL = 100;
let PRODUCERS = FULL;
type Producer = { cookie: string; planId: number; version: number; ok: number };
const producers: Producer[] = [];
/** Producers not in flight: a connection takes one per request and gives it back on the answer, so
 * no two requests of one producer overlap (autocannon resets a connection's context per request). */
const idle: Producer[] = [];
const statuses: Record<string, number> = {};

export const planAutosave: Scenario = {
  name: "plan-autosave",
  description: `${FULL} producers autosaving step 2 of their own plan concurrently (optimistic concurrency, one row update each)`,
  baseline: "insert",
  prepare: async (server, mode) => {
    PRODUCERS = mode.smoke ? 10 : FULL;
    const db = createDb(server.databaseUrl);
    const commune = await db.unit.findFirstOrThrow({ where: { level: "COMMUNE" } });
    const now = new Date();
    for (let i = 0; i < PRODUCERS; i++) {
      const user = await db.user.create({ data: { fullName: `Chủ thể ${i + 1}`, phone: `0988${String(i).padStart(6, "0")}`, unitId: commune.id } });
      await db.roleAssignment.create({ data: { userId: user.id, role: "producer", unitId: commune.id } });
      const org = await db.producerOrg.create({ data: { name: `HTX số ${i + 1}`, kind: "HTX", address: "Hà Tĩnh", unitId: commune.id, ownerId: user.id } });
      const plan = await db.businessPlan.create({ data: { orgId: org.id, title: `Phương án ${i + 1}` } });
      const bytes = crypto.getRandomValues(new Uint8Array(20));
      const token = encodeBase32LowerCaseNoPadding(bytes);
      await db.session.create({ data: { id: sessionIdFromToken(token), userId: user.id, expiresAt: new Date(now.getTime() + 86_400_000) } });
      producers.push({ cookie: `ocop_session=${token}`, planId: plan.id, version: 0, ok: 0 });
    }
    await db.$disconnect();
    idle.push(...producers);
    return {
      connections: PRODUCERS,
      // a smoke run counts answers, not seconds: a busy machine may answer nothing in its one second
      ...(mode.smoke ? { amount: PRODUCERS * 3 } : {}),
      requests: [
        {
          method: "POST",
          setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
            const p = idle.shift()!;
            context.p = p;
            const body = new URLSearchParams({
              intent: "autosave",
              version: String(p.version),
              structure: `Lần lưu ${p.version + 1} của ${p.planId}`,
              workers: String(p.version + 1),
            }).toString();
            return {
              ...req,
              path: `/phuong-an/${p.planId}/buoc/2.data`,
              headers: { "content-type": "application/x-www-form-urlencoded", cookie: p.cookie },
              body,
            };
          },
          onResponse: (status: number, _body: string, context: Record<string, unknown>) => {
            const p = context.p as Producer;
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (status === 200) {
              p.version++;
              p.ok++;
            }
            idle.push(p);
          },
        },
      ],
    } as never;
  },
  verify: async (server) => {
    const db = createDb(server.databaseUrl);
    const rows = await db.planStep.findMany({ where: { step: 2, planId: { in: producers.map((p) => p.planId) } } });
    await db.$disconnect();
    const byPlan = new Map(rows.map((r) => [r.planId, r]));
    let lost = 0;
    let saves = 0;
    let unanswered = 0;
    for (const p of producers) {
      saves += p.ok;
      const row = byPlan.get(p.planId);
      // The run stops with one request per connection in flight: the server may have applied it
      // without autocannon reading the answer. Then the stored row is exactly that next save.
      const stored = row ? { version: row.version, text: JSON.parse(row.data).structure as string } : { version: 0, text: undefined };
      if (stored.version === p.version + 1 && stored.text === `Lần lưu ${p.version + 1} của ${p.planId}`) {
        unanswered++;
        continue;
      }
      if (stored.version !== p.version || (p.version > 0 && stored.text !== `Lần lưu ${p.version} của ${p.planId}`)) lost++;
    }
    if (lost > 0) throw new Error(`${lost} plans lost an update`);
    // every save counted here was answered during the measured phase (nothing warms this subject)
    if (saves === 0 || saves !== (statuses[200] ?? 0)) throw new Error(`the measured run saved ${saves} times (${statuses[200] ?? 0} answered 200)`);
    return {
      producers: PRODUCERS,
      statuses,
      successfulSaves: saves,
      lostUpdates: lost,
      appliedButUnansweredAtStop: unanswered,
      producersThatSaved: producers.filter((p) => p.ok > 0).length,
    };
  },
};
