import { beforeAll, describe, expect, it } from "vitest";
import { vnYear } from "~/i18n/format";
import { db } from "~/db/db.server";
import * as list from "~/routes/phuong-an._index";
import * as unitIdeas from "~/routes/y-tuong";
import { DEMO_PLAN_TITLE } from "../../prisma/seed-plans";
import { cookieFor, getRequest, postRequest, run, testContext, userIdOf } from "../support/http";

/** Issue 14, item 12: a second tap on "register an idea" makes no second idea and no second count. */
let producer: string;
let officer: string;
let org: { id: number; unit: { path: string } };

const producerPost = (fields: Record<string, string>) =>
  run(() =>
    list.action({ request: postRequest("/phuong-an", { intent: "registerIdea", ...fields }, { cookie: producer }), params: {}, context: testContext() }),
  );
const officerPost = (fields: Record<string, string>) =>
  run(() => unitIdeas.action({ request: postRequest("/y-tuong", fields, { cookie: officer }), params: {}, context: testContext() }));
const ideaRows = (title: string) => db().productIdea.count({ where: { title } });
async function ideaCount(): Promise<number> {
  // the province's IDEA counter of this year: what the statistics show
  const provinceId = Number(org.unit.path.split("/")[1]);
  const row = await db().appraisalStat.findUnique({
    where: { year_unitId_metric_level: { year: vnYear(new Date()), unitId: provinceId, metric: "IDEA", level: "" } },
  });
  return row?.count ?? 0;
}

beforeAll(async () => {
  producer = await cookieFor("producer");
  officer = await cookieFor(await userIdOf("thamdinh@ocop-demo.vn"));
  org = await db().producerOrg.findFirstOrThrow({ where: { plans: { some: { title: DEMO_PLAN_TITLE } } }, include: { unit: true } });
});

describe("idea registration is idempotent", () => {
  it("each load of the form carries a fresh idempotency key", async () => {
    const load = () => run(() => list.loader({ request: getRequest("/phuong-an", { cookie: producer }), params: {}, context: testContext() }));
    const [a, b] = [await load(), await load()];
    expect(a.data.ideaKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.data.ideaKey).not.toBe(b.data.ideaKey);
  });

  it("two identical POSTs (a double tap, a resent form) make one idea and one count; both answer the same", async () => {
    const before = await ideaCount();
    const fields = { orgId: String(org.id), title: "Mứt gừng Sơn Kim", ocopGroup: "THUC_PHAM", idempotencyKey: "7d0f3c52-2a4e-4d43-9d0e-2b8b5d7e0c11" };
    const [a, b] = await Promise.all([producerPost(fields), producerPost(fields)]);
    const third = await producerPost(fields);
    expect([a.status, b.status, third.status]).toEqual([200, 200, 200]);
    expect(third.data.message).toBe("Đã đăng ký ý tưởng “Mứt gừng Sơn Kim”.");
    expect(await ideaRows("Mứt gừng Sơn Kim")).toBe(1);
    expect(await ideaCount()).toBe(before + 1);
  });

  it("the same idea again for the same producer in the same year is refused at the name, counting nothing", async () => {
    await producerPost({ orgId: String(org.id), title: "Mứt gừng Sơn Kim", ocopGroup: "THUC_PHAM", idempotencyKey: "3e9b2c14-6f0a-4b8e-9d21-7c5a0e4f1b66" });
    const before = await ideaCount();
    const again = await producerPost({
      orgId: String(org.id),
      title: "  mứt gừng  Sơn Kim ",
      ocopGroup: "THUC_PHAM",
      idempotencyKey: "0a4c9a8e-93b7-4c39-8f3e-2a6f1b0d9c22",
    });
    expect(again.status).toBe(409);
    expect(again.data.errors.title).toBe("Chủ thể này đã đăng ký ý tưởng “Mứt gừng Sơn Kim” năm nay.");
    expect(await ideaRows("Mứt gừng Sơn Kim")).toBe(1);
    expect(await ideaCount()).toBe(before);
  });

  it("an officer's double registration on /y-tuong makes one idea, too", async () => {
    const thienLoc = await db().producerOrg.findFirstOrThrow({ where: { name: { contains: "Nguyễn Thị Hà" } } });
    const fields = { orgId: String(thienLoc.id), title: "Cao cam bù", ocopGroup: "DUOC_LIEU", idempotencyKey: "5b1e7f60-8c2d-4f7a-a1b3-9c4d2e6f8a33" };
    expect((await officerPost(fields)).status).toBe(200);
    expect((await officerPost(fields)).status).toBe(200);
    expect(await ideaRows("Cao cam bù")).toBe(1);
    const page = await run(() => unitIdeas.loader({ request: getRequest("/y-tuong", { cookie: officer }), params: {}, context: testContext() }));
    expect(page.data.ideas.filter((i: { title: string }) => i.title === "Cao cam bù")).toHaveLength(1);
    expect(page.data.ideaKey).toMatch(/^[0-9a-f-]{36}$/);
  });
});
