import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import * as overview from "~/routes/phuong-an.$planId._index";
import * as stepRoute from "~/routes/phuong-an.$planId.buoc.$step";
import * as caseRoute from "~/routes/tham-dinh.$caseId";
import { APPRAISAL_DEMO, DEMO_PLAN_TITLE } from "../../prisma/seed-plans";
import { cookieFor, getRequest, postRequest, run, testContext, userIdOf } from "../support/http";

/** Issue 14, item 6: a returned plan says why at the top, each comment sits on its step, commented steps need a look. */
let producer: string;
let officer: string;
let planId: number;
const REASON = "Bổ sung căn cứ khấu hao ở bước 9.";
const COMMENT = "Đề nghị nêu căn cứ khấu hao.";

const overviewGet = () =>
  run(() => overview.loader({ request: getRequest(`/phuong-an/${planId}`, { cookie: producer }), params: { planId: String(planId) }, context: testContext() }));
const stepGet = (n: number) =>
  run(() =>
    stepRoute.loader({
      request: getRequest(`/phuong-an/${planId}/buoc/${n}`, { cookie: producer }),
      params: { planId: String(planId), step: String(n) },
      context: testContext(),
    }),
  );
const casePost = (fields: Record<string, string>) =>
  run(() =>
    caseRoute.action({ request: postRequest(`/tham-dinh/${planId}`, fields, { cookie: officer }), params: { caseId: String(planId) }, context: testContext() }),
  );
const submit = () =>
  run(() =>
    overview.action({
      request: postRequest(`/phuong-an/${planId}`, { intent: "submit" }, { cookie: producer }),
      params: { planId: String(planId) },
      context: testContext(),
    }),
  );

beforeAll(async () => {
  producer = await cookieFor("producer");
  officer = await cookieFor(await userIdOf(APPRAISAL_DEMO.communeAppraiser.email));
  planId = (await db().businessPlan.findFirstOrThrow({ where: { title: DEMO_PLAN_TITLE } })).id;
  expect((await submit()).status).toBe(200);
  expect((await casePost({ intent: "comment", step: "9", body: COMMENT })).status).toBe(200);
  const c = await db().appraisalCase.findUniqueOrThrow({ where: { planId } });
  const ret = await casePost({
    intent: "decide",
    decision: "RETURN",
    reason: REASON,
    revision: String(c.revision),
    version: String(c.versionNumber),
    confirm: "yes",
  });
  expect(ret.status).toBe(200);
});

describe("a returned plan, as its producer sees it", () => {
  it("states the return and its reason at the top, in a warning (not a success) tone", async () => {
    const page = await overviewGet();
    expect(page.data.returned).toMatchObject({ reason: REASON, who: "Cán bộ thẩm định" });
    expect(page.data.statusTone).toBe("warn");
  });

  it("marks the commented step as needing a look, not as complete", async () => {
    const page = await overviewGet();
    const step9 = page.data.steps[8];
    expect(step9).toMatchObject({ complete: true, needsLook: true });
    expect(page.data.steps.filter((s: { needsLook: boolean }) => s.needsLook).map((s: { n: number }) => s.n)).toEqual([9]);
  });

  it("shows the appraiser's comment on the step 9 page, and step 9 needing a look in its checklist", async () => {
    const page = await stepGet(9);
    expect(page.data.comments.map((c: { body: string }) => c.body)).toEqual([COMMENT]);
    expect(page.data.needsLook).toEqual([9]);
    const other = await stepGet(8);
    expect(other.data.comments).toEqual([]);
  });

  it("editing step 9 clears its mark", async () => {
    const before = await stepGet(9);
    const saved = await run(() =>
      stepRoute.action({
        request: postRequest(
          `/phuong-an/${planId}/buoc/9`,
          { ...before.data.formValues, intent: "save", version: String(before.data.version) },
          { cookie: producer },
        ),
        params: { planId: String(planId), step: "9" },
        context: testContext(),
      }),
    );
    expect(saved.status).toBe(200);
    expect((await stepGet(9)).data.needsLook).toEqual([]);
    expect((await overviewGet()).data.steps[8].needsLook).toBe(false);
  });

  it("after resubmission the return notice and the marks are gone", async () => {
    // while the plan is with the producer the officer cannot comment (comments follow the decision rule)
    expect((await casePost({ intent: "comment", step: "4", body: "Xem lại kênh phân phối." })).status).toBe(403);
    expect((await overviewGet()).data.returned).not.toBeNull();
    expect((await submit()).status).toBe(200);
    const page = await overviewGet();
    expect(page.data.returned).toBeNull();
    expect(page.data.steps.some((s: { needsLook: boolean }) => s.needsLook)).toBe(false);
  });
});
