import { describe, expect, it } from "vitest";
import { vnDay } from "~/i18n/format";
import { db } from "~/db/db.server";
import * as overview from "~/routes/phuong-an.$planId._index";
import * as settings from "~/routes/quan-tri.cai-dat";
import { DEMO_PLAN_TITLE } from "../../prisma/seed-plans";
import { cookieFor, getRequest, postRequest, run, testContext } from "../support/http";

/** A province gives each appraisal level its own deadline; a case counts the one of the level that holds it. */
describe("one deadline per level", () => {
  it("starts every level at the former single value, and the commune's own value runs the commune's clock", async () => {
    const admin = await cookieFor("admin");
    const page = await run(() => settings.loader({ request: getRequest("/quan-tri/cai-dat", { cookie: admin }), params: {}, context: testContext() }));
    expect(page.data.provinces[0].deadlineDays).toEqual({ COMMUNE: 5, DISTRICT: 5, PROVINCE: 5 });

    const saved = await run(() =>
      settings.action({
        request: postRequest(
          "/quan-tri/cai-dat",
          {
            level1: "COMMUNE",
            level2: "PROVINCE",
            deadlineCOMMUNE: "2",
            deadlineDISTRICT: "5",
            deadlinePROVINCE: "12",
            deadlineKind: "CALENDAR",
            overdueRule: "FLAG",
          },
          { cookie: admin },
        ),
        params: {},
        context: testContext(),
      }),
    );
    expect(saved.status).toBe(200);

    const plan = await db().businessPlan.findFirstOrThrow({ where: { title: DEMO_PLAN_TITLE } });
    const producer = await cookieFor("producer");
    const submitted = await run(() =>
      overview.action({
        request: postRequest(`/phuong-an/${plan.id}`, { intent: "submit" }, { cookie: producer }),
        params: { planId: String(plan.id) },
        context: testContext(),
      }),
    );
    expect(submitted.status).toBe(200);
    const cs = await db().appraisalCase.findUniqueOrThrow({ where: { planId: plan.id } });
    expect(cs.level).toBe("COMMUNE");
    const twoDaysLater = new Date(cs.receivedAt.getTime() + 2 * 86_400_000);
    expect(vnDay(cs.deadlineAt)).toBe(vnDay(twoDaysLater));
  });
});
