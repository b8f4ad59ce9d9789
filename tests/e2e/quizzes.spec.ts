import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { login } from "./helpers";

type Q = { id: string; type: string; correct?: string[] | boolean; answer?: number; options?: { id: string }[] };
const quiz = JSON.parse(fs.readFileSync("content/modules/01-kien-thuc-chung/quiz.json", "utf8")) as { attemptsAllowed: number; questions: Q[] };
const URL = "/khoa-hoc/1/kiem-tra/kien-thuc-chung";
const LEARNER = { identifier: "0913000150" };

async function answer(page: Page, right: boolean) {
  for (const q of quiz.questions) {
    const field = `a.${q.id}`;
    if (q.type === "numeric") await page.locator(`input[name="${field}"]`).fill(String(right ? q.answer : q.answer! + 1000));
    else if (q.type === "true-false") await page.locator(`input[name="${field}"][value="${right ? q.correct : !q.correct}"]`).check();
    else {
      const ids = right
        ? (q.correct as string[])
        : q
            .options!.map((o) => o.id)
            .filter((id) => !(q.correct as string[]).includes(id))
            .slice(0, 1);
      for (const id of ids) await page.locator(`input[name="${field}"][value="${id}"]`).check();
    }
  }
}

test("a learner fails, retries, passes with explanations, and the attempts limit stops a fourth try", async ({ page }) => {
  await login(page, LEARNER);
  await page.goto("/khoa-hoc/1");
  await page.getByRole("link", { name: "Làm bài kiểm tra" }).first().click();
  await expect(page).toHaveURL(new RegExp(`${URL}$`));
  await expect(page.getByText(`Bạn còn ${quiz.attemptsAllowed} lần làm bài.`)).toBeVisible();
  await page.getByRole("button", { name: "Bắt đầu làm bài" }).click();
  await expect(page.getByText(/^Hạn nộp: \d{2}:\d{2}/)).toBeVisible();
  // a live countdown ticks; its live region stays silent until a threshold (10, 5, 1 minute)
  const countdown = page.getByTestId("quiz-countdown");
  await expect(countdown).toHaveText(/^Thời gian còn lại: \d{2}:\d{2}$/);
  const shown = await countdown.textContent();
  await expect(countdown).not.toHaveText(shown!);
  await expect(page.locator(".quiz-form [aria-live=polite]")).toHaveText("");
  await answer(page, false);
  await page.getByRole("button", { name: "Nộp bài" }).dblclick();
  await expect(page.getByRole("heading", { name: "Kết quả lần làm thứ 1" })).toBeVisible();
  await expect(page.locator(".quiz-result__score")).toContainText("Chưa đạt");
  await expect(page.locator(".quiz-review li").first()).toContainText("Giải thích");
  // the verdict never reads like a true/false option ("Đúng" next to "Bạn trả lời: Sai")
  await expect(page.locator(".quiz-review .tag").first()).toHaveText("✗ Trả lời sai");

  await page.getByRole("button", { name: "Làm lại" }).click();
  await answer(page, true);
  await page.getByRole("button", { name: "Nộp bài" }).click();
  await expect(page.getByRole("heading", { name: "Kết quả lần làm thứ 2" })).toBeVisible();
  await expect(page.locator(".quiz-result__score")).toContainText(`Điểm: ${quiz.questions.length}/${quiz.questions.length} (100%)`);
  await expect(page.locator(".quiz-result__score")).toContainText("Đạt");
  await expect(page.locator(".quiz-review .tag").first()).toHaveText("✓ Trả lời đúng");
  await expect(page.getByRole("link", { name: /^Xem lại bài: / }).first()).toBeVisible();
  // the double click above recorded one attempt: two rows in the history
  await expect(page.locator("section.card table tbody tr")).toHaveCount(2);

  await page.getByRole("button", { name: "Làm lại" }).click();
  await answer(page, true);
  await page.getByRole("button", { name: "Nộp bài" }).click();
  await expect(page.getByRole("heading", { name: "Kết quả lần làm thứ 3" })).toBeVisible();
  await expect(page.getByText(`Bạn đã dùng hết ${quiz.attemptsAllowed} lần làm bài của bài kiểm tra này.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Làm lại" })).toHaveCount(0);

  // module completion counts the passed quiz
  await page.goto("/khoa-hoc/1");
  await expect(page.locator(".module-card").first()).toContainText("Đạt");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the quiz is a plain form", async ({ page }) => {
    await login(page, { identifier: "0913000151" });
    await page.goto(URL);
    await page.getByRole("button", { name: "Bắt đầu làm bài" }).click();
    // without JavaScript the fixed deadline stands alone
    await expect(page.getByText(/^Hạn nộp: \d{2}:\d{2}/)).toBeVisible();
    await expect(page.getByTestId("quiz-countdown")).toHaveCount(0);
    await answer(page, true);
    await page.getByRole("button", { name: "Nộp bài" }).click();
    await expect(page.locator(".quiz-result__score")).toContainText("(100%)");
  });
});

test("the quiz fits a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await login(page, { identifier: "0913000152" });
  await page.goto(URL);
  await page.getByRole("button", { name: "Bắt đầu làm bài" }).click();
  await expect(page.getByRole("button", { name: "Nộp bài" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("on a 390 px phone the back link is a tap target of 44 px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, { identifier: "0913000152" });
  await page.goto(URL);
  const back = page.getByRole("link", { name: "← Về trang khóa học" });
  expect((await back.boundingBox())!.height).toBeGreaterThanOrEqual(44); // was 17 px
});

test("a trainer sees the results and exports them", async ({ page }) => {
  await login(page, "trainer");
  await page.goto("/khoa-hoc/1");
  await page.getByRole("link", { name: "Kết quả kiểm tra" }).click();
  await page.getByLabel("Chuyên đề").selectOption("kien-thuc-chung");
  await page.getByRole("button", { name: "Xem", exact: true }).click();
  await expect(page.getByText(/^Tỷ lệ đạt: \d+\/\d+/)).toBeVisible();
  const row = page.locator("tr", { hasText: "0913000150" });
  await expect(row).toContainText("Đạt");
  await expect(row.locator("td").nth(2)).toHaveText("3");
  await expect(row.locator("td").nth(3)).toHaveText("100");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^ket-qua-.*kien-thuc-chung\.csv$/);
  const text = fs.readFileSync((await file.path())!, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain("Họ và tên");
  expect(text).toMatch(/"0913000150",[^\r\n]*,3,100,"Đạt"/);
});
