import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import * as root from "~/root";
import * as notificationsPage from "~/routes/thong-bao";
import { cookieFor, getRequest, postRequest, run, testContext, userIdOf, demoAccount } from "../support/http";

/**
 * The bell's count is read with the session lookup (docs/decisions/0064). It must still count only the
 * person's own unread notifications, and a load after they are marked read must show none.
 */
type RootData = { user: { unread: number } | null };
const rootLoad = (cookie: string) => run<RootData>(() => root.loader({ request: getRequest("/", { cookie }), params: {}, context: testContext() }));

describe("the bell's unread count", () => {
  it("counts the person's own unread notifications, and none once they are marked read", async () => {
    const producer = await userIdOf(demoAccount("producer").email);
    const learner = await userIdOf(demoAccount("learner").email);
    await db().notification.deleteMany({ where: { userId: { in: [producer, learner] } } });
    await db().notification.createMany({
      data: [
        { userId: producer, text: "một", link: "/" },
        { userId: producer, text: "hai", link: "/" },
        { userId: producer, text: "đã đọc", link: "/", readAt: new Date() },
        { userId: learner, text: "của người khác", link: "/" },
      ],
    });
    const cookie = await cookieFor("producer");

    expect((await rootLoad(cookie)).data.user?.unread).toBe(2);

    const marked = await run(() =>
      notificationsPage.action({ request: postRequest("/thong-bao", { intent: "markRead" }, { cookie }), params: {}, context: testContext() }),
    );
    expect(marked.status).toBe(302);
    expect((await rootLoad(cookie)).data.user?.unread).toBe(0);
    expect((await rootLoad(await cookieFor("learner"))).data.user?.unread).toBe(1);
  });

  it("is not there for a visitor who is not signed in", async () => {
    const visitor = await run<RootData>(() => root.loader({ request: getRequest("/"), params: {}, context: testContext() }));
    expect(visitor.data.user).toBeNull();
  });
});
