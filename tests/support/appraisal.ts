import { db } from "~/db/db.server";
import * as overview from "~/routes/phuong-an.$planId._index";
import * as caseRoute from "~/routes/tham-dinh.$caseId";
import { APPRAISAL_DEMO, DEMO_PLAN_TITLE } from "../../prisma/seed-plans";
import { cookieFor, postRequest, run, testContext, userIdOf } from "./http";

/**
 * Appraisal cases built for one test through the same routes a producer and the officers use, so a test
 * states where its case stands instead of inheriting it from the tests before it (decision 0028).
 * The seeded demo plan is complete and still a draft; its chain is commune (Sơn Kim) → province.
 */

export const RETURN_REASON = "Bổ sung hợp đồng thu mua";

export async function demoPlanId(): Promise<number> {
  return (await db().businessPlan.findFirstOrThrow({ where: { title: DEMO_PLAN_TITLE } })).id;
}

export const submitPlan = (planId: number, cookie: string) =>
  run(() =>
    overview.action({
      request: postRequest(`/phuong-an/${planId}`, { intent: "submit" }, { cookie }),
      params: { planId: String(planId) },
      context: testContext(),
    }),
  );

/** The decide intent as posted by the form: `fields` carries the decision, and `confirm` when confirmed. */
export const decidePost = (planId: number, cookie: string, fields: Record<string, string>) =>
  run(() =>
    caseRoute.action({
      request: postRequest(`/tham-dinh/${planId}`, { intent: "decide", ...fields }, { cookie }),
      params: { caseId: String(planId) },
      context: testContext(),
    }),
  );

/** The revision and version an officer saw on the case page just now. */
export async function seenOf(planId: number) {
  const c = await db().appraisalCase.findUniqueOrThrow({ where: { planId } });
  return { revision: String(c.revision), version: String(c.versionNumber) };
}

/** A confirmed decision on the case as it stands; throws if the route refuses it. */
export async function decided(planId: number, cookie: string, decision: string, reason?: string) {
  const res = await decidePost(planId, cookie, { decision, confirm: "yes", ...(reason ? { reason } : {}), ...(await seenOf(planId)) });
  if (res.status !== 200) throw new Error(`${decision} was refused: ${res.status} ${JSON.stringify(res.data)}`);
}

/** Submits (or resubmits) the plan as the producer; throws if the route refuses it. */
export async function submitted(planId: number, cookie: string) {
  const res = await submitPlan(planId, cookie);
  if (res.status !== 200) throw new Error(`submitting was refused: ${res.status} ${JSON.stringify(res.data)}`);
}

/** The demo chain's people, each as a Cookie header. */
export async function demoCookies() {
  return {
    producer: await cookieFor("producer"),
    commune: await cookieFor(await userIdOf(APPRAISAL_DEMO.communeAppraiser.email)),
    province: await cookieFor(await userIdOf("thamdinh.tinh@ocop-demo.vn")),
  };
}

/**
 * The path of the demo plan through appraisal, in order; `caseAt(stage)` walks it up to `stage`:
 * submitted (version 1, commune) → returned (with RETURN_REASON) → resubmitted (version 2, commune)
 * → at the province (forwarded) → approved.
 */
const PATH = ["submitted", "returned", "resubmitted", "province", "approved"] as const;
export type CaseStage = (typeof PATH)[number];

export async function caseAt(stage: CaseStage): Promise<number> {
  const planId = await demoPlanId();
  const who = await demoCookies();
  const moves: Record<CaseStage, () => Promise<void>> = {
    submitted: () => submitted(planId, who.producer),
    returned: () => decided(planId, who.commune, "RETURN", RETURN_REASON),
    resubmitted: () => submitted(planId, who.producer),
    province: () => decided(planId, who.commune, "FORWARD"),
    approved: () => decided(planId, who.province, "APPROVE"),
  };
  for (const step of PATH.slice(0, PATH.indexOf(stage) + 1)) await moves[step]();
  return planId;
}
