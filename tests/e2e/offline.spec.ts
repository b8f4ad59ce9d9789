import { createHmac } from "node:crypto";
import fs from "node:fs";
import type { BrowserContext, Page } from "@playwright/test";
import { withE2eDb } from "./e2e-db";
import { expect, test } from "./fixtures";
import { type QuizQuestion, answerDrawnQuestions, login } from "./helpers";

/**
 * The learner app on a hall's failing Wi-Fi (issue 22, docs/decisions/0046), with Playwright's offline mode:
 * the service worker keeps pages and lessons, the outbox keeps check-ins and quiz submissions until the network is back.
 */
const TITLE = "Buổi ngoại tuyến e2e";
const LEARNERS = ["0913000190", "0913000191", "0913000192", "0913000193", "0913000194", "0913000195"];
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A session of the demo class; its code at a moment as app/attendance/checkin-code.ts makes it. */
async function addSession(startedMinAgo: number, lengthMin: number) {
  const secret = `e2e-offline-${Math.random()}`;
  const start = Date.now() - startedMinAgo * 60_000;
  const { id } = await withE2eDb((db) =>
    db.classSession.create({
      data: {
        courseId: 1,
        title: TITLE,
        startsAt: new Date(start),
        endsAt: new Date(start + lengthMin * 60_000),
        checkinSecret: secret,
        rotateSeconds: 30,
        graceBeforeMin: 15,
        graceAfterMin: 0,
        lateAfterMin: 15,
      },
      select: { id: true },
    }),
  );
  const codeAt = (ms: number) => {
    const mac = createHmac("sha256", secret)
      .update(`checkin:${Math.floor(ms / 1000 / 30)}`)
      .digest();
    return Array.from({ length: 6 }, (_, i) => ALPHABET[mac.readUInt32BE(i * 4) % ALPHABET.length]).join("");
  };
  return { id, codeAt };
}

const marks = (sessionId: number) => withE2eDb((db) => db.attendance.findMany({ where: { sessionId }, select: { status: true, source: true } }));

test.afterAll(() =>
  withE2eDb(async (db) => {
    await db.classSession.deleteMany({ where: { title: TITLE } }); // its attendance goes with it
    await db.quizAttempt.deleteMany({ where: { enrolment: { user: { phone: { in: LEARNERS } } } } });
  }),
);

/** Signed in, with the service worker installed and in charge of the page. */
async function signedInWithWorker(page: Page, phone: string) {
  await login(page, { identifier: phone });
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

async function checkInOffline(page: Page, context: BrowserContext, code: string) {
  await page.goto("/diem-danh");
  await page.waitForLoadState("networkidle"); // the page's outbox code is loaded once it is interactive
  await context.setOffline(true);
  await page.getByLabel("Mã điểm danh").fill(code);
  await page.getByRole("button", { name: "Điểm danh" }).click();
  await expect(page.getByRole("status").filter({ hasText: "đã được lưu trên điện thoại và sẽ tự gửi khi có mạng" })).toBeVisible();
  await expect(page.getByLabel("Mã điểm danh")).toHaveCount(0); // nothing to type again
}

test("a check-in typed offline is kept on the phone, sent when the network is back, recorded once as present", async ({ page, context }) => {
  const s = await addSession(5, 120);
  await signedInWithWorker(page, LEARNERS[0]);
  await checkInOffline(page, context, s.codeAt(Date.now()));
  expect(await marks(s.id)).toEqual([]);
  await context.setOffline(false);
  await expect(
    page.getByText(/^Đã gửi lần điểm danh lưu trên điện thoại \(mã [A-Z2-9]{6}, nhập lúc \d{2}:\d{2}\): Đã điểm danh buổi “Buổi ngoại tuyến e2e”: Có mặt/),
  ).toBeVisible({
    timeout: 40_000,
  });
  expect(await marks(s.id)).toEqual([{ status: "PRESENT", source: "CHECKIN" }]);
  await page.reload(); // the outbox is empty: nothing is sent again
  await expect(page.getByLabel("Mã điểm danh")).toBeVisible();
  expect(await marks(s.id)).toHaveLength(1);
});

test("online, with the worker in charge, a wrong code is named at the field and the right one checks in at once", async ({ page }) => {
  const s = await addSession(5, 120);
  await signedInWithWorker(page, LEARNERS[5]);
  await page.goto("/diem-danh");
  await page.waitForLoadState("networkidle"); // the page's script is in charge of the form
  const field = page.getByLabel("Mã điểm danh");
  await field.fill("ZZZZZZ");
  await page.getByRole("button", { name: "Điểm danh" }).click();
  await expect(page.locator(".field__error")).toHaveText(/Mã không đúng hoặc đã hết hạn/);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  expect(new URL(page.url()).pathname).toBe("/diem-danh"); // answered through the outbox, not by a post of the page
  await field.fill(s.codeAt(Date.now()));
  await page.getByRole("button", { name: "Điểm danh" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Đã điểm danh buổi “Buổi ngoại tuyến e2e”: Có mặt/ })).toBeVisible();
  await expect(field).toHaveCount(0); // nothing to tap again
  expect(await marks(s.id)).toEqual([{ status: "PRESENT", source: "CHECKIN" }]);
});

test("a queued check-in replayed twice counts once, and each replay is answered like the first", async ({ page }) => {
  const s = await addSession(30, 120); // typed 20 minutes ago, 10 minutes after the start: present, although it arrives late
  await signedInWithWorker(page, LEARNERS[3]);
  const typedAt = Date.now() - 20 * 60_000;
  const form = { code: s.codeAt(typedAt), buoi: String(s.id), key: "e2e-replay-0123456789ab", typedAt: String(typedAt) };
  for (let i = 0; i < 2; i++) {
    const res = await page.request.post("/diem-danh/gui", { form: { ...form, sentAt: String(Date.now()) } });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, status: "PRESENT" });
  }
  expect(await marks(s.id)).toEqual([{ status: "PRESENT", source: "CHECKIN" }]);
});

test("a code typed after the session's window is refused on sync, with the reason", async ({ page, context }) => {
  const s = await addSession(90, 60); // ended 30 minutes ago
  await signedInWithWorker(page, LEARNERS[2]);
  await checkInOffline(page, context, s.codeAt(Date.now()));
  await context.setOffline(false);
  await expect(page.getByText(/Mã nhập lúc \d{2}:\d{2} nằm ngoài giờ điểm danh của buổi học nên không được nhận\./)).toBeVisible({ timeout: 40_000 });
  expect(await marks(s.id)).toEqual([]);
});

test("the class's lessons are kept when its page is read, and read offline", async ({ page, context }) => {
  await signedInWithWorker(page, LEARNERS[4]);
  await page.goto("/khoa-hoc/1");
  const link = page.locator('a[href^="/khoa-hoc/1/hoc/"]').last();
  const href = (await link.getAttribute("href"))!;
  await expect.poll(() => page.evaluate(async (url) => !!(await caches.match(url)), href), { timeout: 30_000 }).toBe(true);
  await context.setOffline(true);
  await page.goto(href); // never opened online: kept when the class's page was read
  await expect(page.locator("h1")).not.toHaveText("Chưa có mạng");
  await expect(page.locator("main")).toContainText("Thời gian đọc khoảng");
  await page.goto("/khoa-hoc/1/tai-lieu-khong-co"); // a page never kept: the offline page says so
  await expect(page.getByRole("heading", { name: "Chưa có mạng" })).toBeVisible();
  await context.setOffline(false);
});

const quiz = JSON.parse(fs.readFileSync("content/modules/01-kien-thuc-chung/quiz.json", "utf8")) as { questions: QuizQuestion[] };
const QUIZ = "/khoa-hoc/1/kiem-tra/kien-thuc-chung";

test("a quiz's answers survive a reload; answered offline, it is submitted when the network is back", async ({ page, context }) => {
  await signedInWithWorker(page, LEARNERS[1]);
  await page.goto(QUIZ);
  await page.getByRole("button", { name: /Bắt đầu làm bài|Làm lại/ }).click();
  const drawn = await answerDrawnQuestions(page, quiz.questions, true);
  await page.reload();
  await expect(page.getByText("Đã khôi phục các câu trả lời lưu trên điện thoại.")).toBeVisible();
  const checked = await page.locator('.quiz-form input[name^="a."]:checked').count();
  expect(checked).toBeGreaterThan(0);
  await context.setOffline(true);
  await page.getByRole("button", { name: "Nộp bài" }).click();
  await expect(page.getByRole("status").filter({ hasText: "đã được lưu trên điện thoại và sẽ tự nộp khi có mạng" })).toBeVisible();
  const status = () =>
    withE2eDb((db) => db.quizAttempt.findMany({ where: { enrolment: { user: { phone: LEARNERS[1] } } }, select: { status: true, score: true } }));
  expect(await status()).toEqual([{ status: "OPEN", score: null }]);
  await context.setOffline(false);
  await expect(page).toHaveURL(/ket-qua=\d+/, { timeout: 40_000 });
  await expect(page.getByText(/Đạt/).first()).toBeVisible();
  expect(await status()).toEqual([{ status: "SUBMITTED", score: drawn }]);
});
