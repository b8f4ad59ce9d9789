import { smtpPort } from "../../playwright.config";
import { DEMO_PLAN_TITLE } from "../../prisma/seed-plans";
import { type TestSmtp, startSmtp } from "../support/smtp";
import { type Db } from "~/db/db.server";
import { withE2eDb } from "./e2e-db";
import { expect, test } from "./fixtures";
import { account, login } from "./helpers";

/** Issue 20: a notification reaches its person by email through a real SMTP server, and the email's unsubscribe link works. */
let smtp: TestSmtp;
test.beforeAll(async () => {
  smtp = await startSmtp(smtpPort);
});
test.afterAll(async () => {
  await smtp.close();
  await onE2eDb((db, userId) => db.notificationPreference.deleteMany({ where: { userId } }));
});

/** The seed invites the consultant already, and the shared e2e database keeps what earlier runs did: the invite is
 * made anew here (a new invite is news), with every email kind on, as the seed had it. */
function onE2eDb(change: (db: Db, consultantId: number) => Promise<unknown>) {
  return withE2eDb(async (db) => {
    const { id } = await db.user.findUniqueOrThrow({ where: { email: account("consultant").email }, select: { id: true } });
    await change(db, id);
  });
}
test.beforeEach(() =>
  onE2eDb(async (db, userId) => {
    const plan = await db.businessPlan.findFirstOrThrow({ where: { title: DEMO_PLAN_TITLE }, select: { id: true } });
    await db.planInvite.deleteMany({ where: { planId: plan.id, userId } });
    await db.notificationPreference.deleteMany({ where: { userId } });
  }),
);

test("a producer invites a consultant: the consultant's email arrives; its unsubscribe link works without JavaScript", async ({ page, browser }) => {
  const consultant = account("consultant").email;
  await login(page, "producer");
  await page.goto("/phuong-an");
  await page.getByRole("link", { name: DEMO_PLAN_TITLE }).click();
  await page.getByLabel("Email hoặc số điện thoại của đơn vị tư vấn").fill(consultant);
  await page.getByRole("button", { name: "Mời", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Đã mời");

  // other specs' emails to the consultant (comments on the demo plan) may arrive here too, retried from before
  const invites = () => smtp.received.filter((m) => m.to === consultant && m.subject === "Lời mời góp ý phương án");
  await expect.poll(() => invites().length, { timeout: 20_000 }).toBe(1);
  const mail = invites()[0]!;
  expect(mail.text).toContain(`Bạn được mời góp ý phương án "${DEMO_PLAN_TITLE}".`);
  const link = /http:\/\/\S+\/ngung-nhan-email\?ma=\S+/.exec(mail.text)![0];

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const phone = await noScript.newPage();
  await phone.goto(link);
  await expect(phone.getByText("Ngừng gửi email về “Lời mời góp ý phương án” cho tài khoản này?")).toBeVisible();
  await phone.getByRole("button", { name: "Ngừng nhận email này" }).click();
  await expect(phone.getByRole("status")).toContainText("Đã ngừng gửi email về “Lời mời góp ý phương án”.");
  await noScript.close();

  // the consultant's account page shows the kind turned off
  const other = await browser.newContext();
  const consultantPage = await other.newPage();
  await login(consultantPage, "consultant");
  await consultantPage.goto("/tai-khoan");
  await expect(consultantPage.getByRole("checkbox", { name: "Lời mời góp ý phương án" })).not.toBeChecked();
  await expect(consultantPage.getByRole("checkbox", { name: "Ý kiến mới về phương án" })).toBeChecked();
  await other.close();
});
