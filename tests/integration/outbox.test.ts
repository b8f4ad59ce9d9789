import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import { t } from "~/i18n/messages";
import { queueDigests } from "~/notifications/digest.server";
import { type NotifyEvent, notify } from "~/notifications/notifications.server";
import { closeTransports } from "~/notifications/email.server";
import { deliverOutbox, outboxStatus } from "~/notifications/outbox.server";
import * as overview from "~/routes/phuong-an.$planId._index";
import * as settings from "~/routes/quan-tri.cai-dat";
import * as account from "~/routes/tai-khoan";
import * as unsubscribePage from "~/routes/ngung-nhan-email";
import { DEMO_PLAN_TITLE } from "../../prisma/seed-plans";
import { cookieFor, demoAccount, getRequest, postRequest, run, testContext, userIdOf } from "../support/http";
import { type TestSmtp, startSilentServer, startSmtp } from "../support/smtp";

/** Issue 20, part A: the outbox sends email through a real SMTP server on loopback (smtp-server), no mock of our code. */
let smtp: TestSmtp;
const producerEmail = demoAccount("producer").email;
const MINUTE = 60_000;

beforeEach(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "OCOP Hà Tĩnh <thongbao@ocop.example.vn>";
  process.env.PUBLIC_URL = "https://lms.example.vn";
});

afterEach(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  delete process.env.PUBLIC_URL;
  closeTransports(); // the next test's server is another one
  await smtp.close();
});

const decided = (to: number[], key = `test-${Math.random()}`): NotifyEvent => ({
  kind: "appraisal.decided",
  key,
  to,
  params: { title: DEMO_PLAN_TITLE, decision: "Trả lại để chỉnh sửa" },
  link: "/phuong-an/1",
});
const tell = (event: NotifyEvent) => db().$transaction((tx) => notify(tx, event));
const emailRows = (userId: number) => db().delivery.findMany({ where: { userId, channel: "EMAIL" }, orderBy: { id: "asc" } });

describe("delivery", () => {
  it("sends a queued notification as a Vietnamese email with text, HTML, the date in Vietnam and a stable Message-ID", async () => {
    const producer = await userIdOf(producerEmail);
    await tell(decided([producer]));
    expect(smtp.received).toHaveLength(0); // written, not sent: sending is the worker's
    const row = (await emailRows(producer))[0];
    expect(row).toMatchObject({ status: "PENDING", address: producerEmail, kind: "appraisal.decided" });

    expect(await deliverOutbox(new Date())).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    expect(mail.to).toBe(producerEmail);
    expect(mail.subject).toBe(t("notify.kind.appraisal.decided"));
    expect(mail.text).toContain(`Phương án "${DEMO_PLAN_TITLE}": Trả lại để chỉnh sửa.`);
    expect(mail.text).toContain("https://lms.example.vn/phuong-an/1");
    expect(mail.text).toMatch(/Thời điểm: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(mail.html).toContain('<a href="https://lms.example.vn/phuong-an/1">');
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@ocop\.example\.vn>$/);
    expect(mail.listUnsubscribe).toContain("https://lms.example.vn/ngung-nhan-email?ma=");
    expect((await emailRows(producer))[0]).toMatchObject({ status: "SENT", attempts: 1 });

    expect(await deliverOutbox(new Date(Date.now() + MINUTE))).toEqual({ sent: 0, retried: 0, failed: 0 }); // sent once
    expect(smtp.received).toHaveLength(1);
  });

  it("a person without an email address gets the in-app notification only", async () => {
    const user = await db().user.create({ data: { fullName: "Người không có email", phone: "0987650001" } });
    await tell(decided([user.id]));
    expect(await db().notification.count({ where: { userId: user.id } })).toBe(1);
    expect(await emailRows(user.id)).toEqual([]);
  });

  it("with no SMTP configured, email is off: no email rows, the worker sends nothing, the admin page says so", async () => {
    delete process.env.SMTP_URL;
    const producer = await userIdOf(producerEmail);
    await tell(decided([producer]));
    expect(await db().notification.count({ where: { userId: producer } })).toBe(1);
    expect(await emailRows(producer)).toEqual([]);
    expect(await deliverOutbox(new Date())).toEqual({ sent: 0, retried: 0, failed: 0 });
    const cookie = await cookieFor("admin");
    const page = await run(() => settings.loader({ request: getRequest("/quan-tri/cai-dat", { cookie }), params: {}, context: testContext() }));
    expect(page.data.outbox).toMatchObject({ enabled: false });
  });
});

describe("failures", () => {
  it("retries with exponential backoff after the server refuses for now, and sends once when it accepts", async () => {
    const producer = await userIdOf(producerEmail);
    smtp.refuse((_address, attempt) => (attempt <= 2 ? 451 : null));
    await tell(decided([producer]));
    const t0 = new Date(Date.now() + 1000);
    expect(await deliverOutbox(t0)).toMatchObject({ retried: 1 });
    let row = (await emailRows(producer))[0];
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.nextAttemptAt.getTime() - t0.getTime()).toBe(MINUTE);
    expect(row.lastError).toMatch(/451/);

    expect(await deliverOutbox(new Date(t0.getTime() + 30_000))).toEqual({ sent: 0, retried: 0, failed: 0 }); // not due yet
    const t1 = new Date(t0.getTime() + MINUTE);
    expect(await deliverOutbox(t1)).toMatchObject({ retried: 1 });
    row = (await emailRows(producer))[0];
    expect(row.nextAttemptAt.getTime() - t1.getTime()).toBe(2 * MINUTE); // doubled
    expect(await deliverOutbox(new Date(t1.getTime() + 2 * MINUTE))).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.offers.get(producerEmail)).toBe(3);
  });

  it("a recipient refused for good (550) marks the address and the row, and is never tried again", async () => {
    const producer = await userIdOf(producerEmail);
    smtp.refuse(() => 550);
    await tell(decided([producer]));
    expect(await deliverOutbox(new Date())).toMatchObject({ failed: 1 });
    expect((await emailRows(producer))[0]).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(await db().emailBounce.findUnique({ where: { address: producerEmail } })).not.toBeNull();
    expect(await deliverOutbox(new Date(Date.now() + 24 * 60 * MINUTE))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.offers.get(producerEmail)).toBe(1);

    await tell(decided([producer])); // the next event: in the bell, not by email
    expect(await emailRows(producer)).toHaveLength(1);
    const cookie = await cookieFor("producer");
    const page = await run(() => account.loader({ request: getRequest("/tai-khoan", { cookie }), params: {}, context: testContext() }));
    expect(page.data.emailPrefs.bounced).toBe(producerEmail);
  });

  it("wrong SMTP settings: the message is kept and retried, and the admin page shows the last error", async () => {
    const silent = await startSilentServer();
    await silent.close(); // nothing listens there now: connection refused
    process.env.SMTP_URL = silent.url;
    const producer = await userIdOf(producerEmail);
    await tell(decided([producer]));
    expect(await deliverOutbox(new Date())).toMatchObject({ retried: 1 });
    expect((await emailRows(producer))[0]).toMatchObject({ status: "PENDING", attempts: 1 });
    const status = await outboxStatus();
    expect(status).toMatchObject({ enabled: true, pending: 1 });
    expect(status.lastError?.message).toMatch(/ECONNREFUSED/);
  });

  it("two workers at once send each message once", async () => {
    const ids = (await db().user.findMany({ where: { email: { not: null } }, take: 40, select: { id: true } })).map((u) => u.id);
    await tell(decided(ids));
    const at = new Date(Date.now() + 1000);
    const runs = await Promise.all([
      deliverOutbox(at, { limit: 7 }),
      deliverOutbox(at, { limit: 7 }),
      deliverOutbox(at, { limit: 50 }),
      deliverOutbox(at, { limit: 50 }),
    ]);
    const again = await deliverOutbox(at, { limit: 100 });
    expect(runs.reduce((n, r) => n + r.sent, 0) + again.sent).toBe(ids.length);
    expect(smtp.received).toHaveLength(ids.length);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(ids.length);
  });

  it("a row left 'sending' by a worker that died is sent again after its lease, with the same Message-ID", async () => {
    const producer = await userIdOf(producerEmail);
    await tell(decided([producer]));
    const row = (await emailRows(producer))[0];
    const at = new Date(Date.now() + 1000);
    await db().delivery.update({
      where: { id: row.id },
      data: { status: "SENDING", claim: "dead-worker", leaseUntil: new Date(at.getTime() + MINUTE), attempts: 1 },
    });
    expect(await deliverOutbox(at)).toEqual({ sent: 0, retried: 0, failed: 0 }); // still the dead worker's
    expect(await deliverOutbox(new Date(at.getTime() + 2 * MINUTE))).toMatchObject({ sent: 1 });
    const first = smtp.received[0].messageId;
    await db().delivery.update({ where: { id: row.id }, data: { status: "SENDING", leaseUntil: new Date(at.getTime()) } });
    await deliverOutbox(new Date(at.getTime() + 3 * MINUTE));
    expect(smtp.received.map((m) => m.messageId)).toEqual([first, first]);
  });
});

describe("unsubscribe link", () => {
  const linkIn = (text: string) => new URL(/https:\/\/lms\.example\.vn\/ngung-nhan-email\?ma=\S+/.exec(text)![0]);

  it("turns that kind off for that person only; a tampered link changes nothing", async () => {
    const producer = await userIdOf(producerEmail);
    await tell(decided([producer]));
    await deliverOutbox(new Date());
    const link = linkIn(smtp.received[0].text);
    const path = `${link.pathname}${link.search}`;

    const tampered = path.replace(/ma=\d+/, "ma=1");
    expect((await run(() => unsubscribePage.loader({ request: getRequest(tampered), params: {}, context: testContext() }))).status).toBe(400);
    expect((await run(() => unsubscribePage.action({ request: postRequest(tampered, {}), params: {}, context: testContext() }))).status).toBe(400);

    const page = await run(() => unsubscribePage.loader({ request: getRequest(path), params: {}, context: testContext() }));
    expect(page).toMatchObject({ status: 200, data: { label: t("notify.kind.appraisal.decided") } });
    expect(await db().notificationPreference.count()).toBe(0); // the page read writes nothing
    // as a mail client's one-click unsubscribe posts it: no Origin, no session
    const done = await run(() =>
      unsubscribePage.action({ request: postRequest(path, { "List-Unsubscribe": "One-Click" }, { origin: null }), params: {}, context: testContext() }),
    );
    expect(done.status).toBe(200);

    await tell(decided([producer]));
    await tell({ kind: "appraisal.comment", key: `c-${Math.random()}`, to: [producer], params: { title: "P" }, link: "/" });
    expect((await emailRows(producer)).map((r) => r.kind)).toEqual(["appraisal.decided", "appraisal.comment"]);
  });
});

describe("preferences on /tai-khoan", () => {
  it("defaults: every kind by email except the opt-in digest; saving turns kinds off and on", async () => {
    const cookie = await cookieFor("producer");
    const producer = await userIdOf(producerEmail);
    const get = () => run(() => account.loader({ request: getRequest("/tai-khoan", { cookie }), params: {}, context: testContext() }));
    const on = (page: Awaited<ReturnType<typeof get>>) => page.data.emailPrefs.kinds.filter((k: { on: boolean }) => k.on).map((k: { kind: string }) => k.kind);
    expect(on(await get())).not.toContain("digest");
    expect(on(await get())).toContain("appraisal.decided");

    const save = (email: string[]) =>
      run(() => account.action({ request: postRequest("/tai-khoan", { intent: "emailPreferences", email }, { cookie }), params: {}, context: testContext() }));
    expect((await save(["appraisal.comment", "digest"])).status).toBe(200);
    expect(on(await get())).toEqual(["appraisal.comment", "digest"]);
    await tell(decided([producer]));
    expect(await emailRows(producer)).toEqual([]);
    expect(await db().notification.count({ where: { userId: producer } })).toBe(1); // still in the bell

    const bad = await save(["no.such.kind"]);
    expect(bad.status).toBe(400);
    expect(bad.data.errors["email.0"] ?? bad.data.errors.email).toBe(t("form.invalidChoice"));
  });
});

describe("event triggers", () => {
  it("a consultant invited to a plan, and a commenter whose comment is answered, are told (in the bell and by email)", async () => {
    const producerCookie = await cookieFor("producer");
    const consultant = await userIdOf(demoAccount("consultant").email);
    const plan = await db().businessPlan.findFirstOrThrow({ where: { title: DEMO_PLAN_TITLE } });
    const post = (cookie: string, fields: Record<string, string>) =>
      run(() =>
        overview.action({ request: postRequest(`/phuong-an/${plan.id}`, fields, { cookie }), params: { planId: String(plan.id) }, context: testContext() }),
      );
    expect((await post(producerCookie, { intent: "invite", contact: demoAccount("consultant").email })).status).toBe(200);
    expect((await post(producerCookie, { intent: "invite", contact: demoAccount("consultant").email })).status).toBe(200); // again: told once
    expect((await db().notification.findMany({ where: { userId: consultant } })).map((n) => n.kind)).toEqual(["plans.invited"]);

    expect((await post(await cookieFor("consultant"), { intent: "comment", step: "3", body: "Nên ghi rõ sản lượng." })).status).toBe(200);
    const question = await db().planComment.findFirstOrThrow({ where: { planId: plan.id, authorId: consultant } });
    expect((await post(producerCookie, { intent: "comment", step: "3", body: "Đã bổ sung.", parentId: String(question.id) })).status).toBe(200);
    const kinds = (await db().notification.findMany({ where: { userId: consultant }, orderBy: { id: "asc" } })).map((n) => n.kind);
    expect(kinds).toEqual(["plans.invited", "appraisal.commentAnswered"]);
    await deliverOutbox(new Date());
    expect(smtp.received.filter((m) => m.to === demoAccount("consultant").email).map((m) => m.subject)).toEqual([
      t("notify.kind.plans.invited"),
      t("notify.kind.appraisal.commentAnswered"),
    ]);
  });

  it("an unreachable SMTP server slows no page: the action that notifies returns without opening a connection", async () => {
    const silent = await startSilentServer(); // accepts and never answers
    process.env.SMTP_URL = silent.url;
    try {
      const plan = await db().businessPlan.findFirstOrThrow({ where: { title: DEMO_PLAN_TITLE } });
      const cookie = await cookieFor("producer");
      const res = await run(() =>
        overview.action({
          request: postRequest(`/phuong-an/${plan.id}`, { intent: "invite", contact: demoAccount("consultant").email }, { cookie }),
          params: { planId: String(plan.id) },
          context: testContext(),
        }),
      );
      expect(res.status).toBe(200);
      expect(silent.connections()).toBe(0);
      const row = await db().delivery.findFirstOrThrow({ where: { kind: "plans.invited" } });
      expect(row).toMatchObject({ status: "PENDING", attempts: 0 });
    } finally {
      await silent.close();
    }
  });
});

describe("daily digest", () => {
  it("one email a day to those who chose it, listing their unread notifications of the last day", async () => {
    const producer = await userIdOf(producerEmail);
    await db().notificationPreference.createMany({
      data: [
        { userId: producer, kind: "digest", email: true },
        { userId: producer, kind: "appraisal.decided", email: false },
      ],
    });
    await tell(decided([producer]));
    await tell(decided([producer]));
    const at = new Date(Date.now() + 1000);
    expect(await queueDigests(at)).toBe(1);
    expect(await queueDigests(at)).toBe(0); // the same day: queued once
    await deliverOutbox(at);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].text).toContain(t("notify.email.digestIntro", { n: 2 }));
    expect(smtp.received[0].subject).toMatch(/^Bản tin thông báo ngày \d{2}\/\d{2}\/\d{4}$/);
  });
});
