import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import { notify } from "~/notifications/notifications.server";
import { demoAccount, userIdOf } from "../support/http";

/** An event told twice (a retried job, a replayed action) reaches each of its recipients once. */
describe("notify", () => {
  it("writes one row per recipient and event, however often the event is told", async () => {
    const ids = [await userIdOf(demoAccount("producer").email), await userIdOf(demoAccount("admin").email)];
    const event = { kind: "class.invited", key: `course:test-${Math.random()}`, to: ids, params: { title: "Lớp thử", code: "ABC" }, link: "/" } as const;
    await db().$transaction((tx) => notify(tx, event));
    await db().$transaction((tx) => notify(tx, { ...event, to: [...ids, ids[0]] }));
    const rows = await db().notification.findMany({ where: { userId: { in: ids }, kind: "class.invited" } });
    expect(rows.map((r) => r.userId).sort()).toEqual([...ids].sort());
    expect(rows[0].text).toContain("Lớp thử");
  });

  it("tells one person two different kinds of the same event", async () => {
    const id = await userIdOf(demoAccount("producer").email);
    const key = `appraisal-event:test-${Math.random()}`;
    await db().$transaction(async (tx) => {
      await notify(tx, { kind: "appraisal.decided", key, to: [id], params: { title: "P", decision: "D" }, link: "/" });
      await notify(tx, { kind: "appraisal.received", key, to: [id], params: { title: "P" }, link: "/" });
    });
    expect(await db().notification.count({ where: { userId: id, key: { endsWith: key } } })).toBe(2);
  });
});
