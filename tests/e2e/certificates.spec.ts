import fs from "node:fs";
import type { Page } from "@playwright/test";
import { withE2eDb } from "./e2e-db";
import { expect, test } from "./fixtures";
import { type QuizQuestion, answerDrawnQuestions, login } from "./helpers";

/**
 * A class member who meets the rule gets a certificate, prints it, an outsider verifies it by
 * URL, and after the trainer revokes it the public page says so. The learner's attendance and
 * three passed quizzes are written straight into the e2e database (their own journeys are covered
 * by the attendance and quiz specs); the learner passes the last quiz here, and that submit issues
 * the certificate (a page view never does: decision 0023).
 */
const PHONE = "0913000177"; // a class member no other spec uses

function giveCompletionFacts(phone: string) {
  return withE2eDb(async (db) => {
    const user = await db.user.findUniqueOrThrow({ where: { phone }, select: { id: true } });
    const now = new Date();
    for (const { id } of await db.classSession.findMany({ where: { startsAt: { lte: now } }, select: { id: true } })) {
      await db.attendance.deleteMany({ where: { sessionId: id, userId: user.id } });
      await db.attendance.create({ data: { sessionId: id, userId: user.id, status: "PRESENT", source: "MANUAL", markedAt: now } });
    }
    // attempts belong to the enrolment in the demo class (course 1, the one whose quiz is passed below)
    const enrolment = await db.enrolment.findFirstOrThrow({ where: { courseId: 1, userId: user.id }, select: { id: true } });
    for (const module of ["tieu-chi-danh-gia", "chinh-sach-ho-tro", "phuong-an-san-xuat-kinh-doanh"]) {
      const number = (await db.quizAttempt.count({ where: { enrolmentId: enrolment.id, module } })) + 1;
      await db.quizAttempt.create({
        data: {
          token: `e2e-${phone}-${module}`,
          enrolmentId: enrolment.id,
          module,
          number,
          layout: "[]",
          startedAt: now,
          submittedAt: now,
          status: "SUBMITTED",
          score: 10,
          maxScore: 10,
          percent: 100,
          passed: true,
        },
      });
    }
  });
}

const lastQuiz = JSON.parse(fs.readFileSync("content/modules/01-kien-thuc-chung/quiz.json", "utf8")) as { questions: QuizQuestion[] };

async function passLastQuiz(page: Page) {
  await page.goto("/khoa-hoc/1/kiem-tra/kien-thuc-chung");
  await page.getByRole("button", { name: "Bắt đầu làm bài" }).click();
  await answerDrawnQuestions(page, lastQuiz.questions, true);
  await page.getByRole("button", { name: "Nộp bài" }).click();
  await expect(page.locator(".quiz-result__score")).toContainText("(100%)");
}

test("a learner who meets the rule prints a certificate that anyone can verify, until it is revoked", async ({ page, browser }) => {
  await login(page, { identifier: PHONE });
  await page.goto("/chung-nhan-cua-toi");
  await expect(page.getByText("Còn thiếu để được cấp giấy chứng nhận:")).toBeVisible();

  await giveCompletionFacts(PHONE);
  await page.reload();
  await expect(page.getByText("Chưa đạt bài kiểm tra chuyên đề")).toHaveCount(1);
  await passLastQuiz(page);
  await page.goto("/chung-nhan-cua-toi");
  await expect(page.getByText("Đã đủ điều kiện — giấy chứng nhận đã được cấp.")).toBeVisible();
  await page.getByRole("link", { name: "In giấy chứng nhận" }).click();
  await expect(page.getByRole("heading", { name: "GIẤY CHỨNG NHẬN" })).toBeVisible();
  await expect(page.locator(".certificate__qr svg")).toBeVisible();
  const code = (await page.locator(".certificate__qr p").innerText()).match(/[A-Z0-9]{4}(-[A-Z0-9]{4}){3}/)![0];
  const name = await page.locator(".certificate__name").innerText();
  // the Vietnamese font is loaded, and the page prints on one A4 landscape sheet
  // wait for the face to arrive (a slow machine may not have it yet), then ask whether it covers the text
  const fontReady = await page.evaluate(async () => {
    await document.fonts.load('700 16px "Noto Serif"', "Nguyễn Đặng Ưng");
    return document.fonts.check('700 16px "Noto Serif"', "Nguyễn Đặng Ưng");
  });
  expect(fontReady).toBe(true);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  const outsider = await browser.newContext();
  const publicPage = await outsider.newPage();
  await publicPage.goto(`/chung-nhan/${code}`);
  await expect(publicPage.getByRole("status")).toHaveText("Giấy chứng nhận hợp lệ");
  await expect(publicPage.getByText(name)).toBeVisible();
  await expect(publicPage.getByText(PHONE)).toHaveCount(0);

  const trainer = await browser.newContext();
  const trainerPage = await trainer.newPage();
  await login(trainerPage, "trainer");
  await trainerPage.goto("/khoa-hoc");
  await trainerPage.getByRole("link", { name: "Lớp tập huấn phổ biến kiến thức Chương trình OCOP" }).first().click();
  await expect(trainerPage).toHaveURL(/\/khoa-hoc\/\d+$/);
  await trainerPage.getByRole("link", { name: "Chứng nhận", exact: true }).click();
  await expect(trainerPage).toHaveURL(/\/chung-nhan$/);
  // names repeat in a class of 210: pick the row whose certificate is issued
  await trainerPage
    .locator("tr", { hasText: name })
    .getByRole("checkbox", { name: `Chọn ${name}` })
    .first()
    .check();
  await trainerPage.getByLabel("Lý do thu hồi").fill("Cấp nhầm người");
  await trainerPage.getByRole("button", { name: "Thu hồi giấy chứng nhận đã chọn" }).click();
  await expect(trainerPage.getByText("Đã thu hồi 1 giấy chứng nhận.")).toBeVisible();

  await publicPage.reload();
  await expect(publicPage.getByRole("status")).toHaveText("Giấy chứng nhận đã bị thu hồi");
  await outsider.close();
  await trainer.close();
});

test("an unknown code is reported as not found, and a typed code is accepted without dashes", async ({ page }) => {
  await page.goto("/chung-nhan");
  await page.getByLabel("Mã xác thực").fill("abcd efgh jkmn pqrs");
  await page.getByRole("button", { name: "Tra cứu" }).click();
  await expect(page).toHaveURL(/\/chung-nhan\/ABCD-EFGH-JKMN-PQRS$/);
  await expect(page.getByRole("status")).toHaveText("Không tìm thấy giấy chứng nhận với mã này");
});
