import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { login } from "./helpers";

/**
 * The learner pages a hall's phones open at the same minute — check-in, quiz, lessons — are plain documents
 * (docs/decisions/0057), and so is home for someone who only learns (0058): they load no React, however they are reached.
 */
const isReactApp = (page: Page) => page.evaluate(() => "__remixContext" in window);
const loadedAsDocument = (page: Page) =>
  page.evaluate(() => new URL((performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).name).pathname);
test("opened by its address, the check-in page loads its own script and nothing of React or Remix", async ({ page }) => {
  await login(page, { identifier: "0913000196" });
  await page.goto("/diem-danh");
  await page.waitForLoadState("networkidle");
  // what this document loaded (the service worker's own caching is not the page's)
  const loaded = await page.evaluate(() => ({
    scripts: Array.from(document.scripts, (s) => (s.src ? new URL(s.src).pathname : "inline")),
    build: performance
      .getEntriesByType("resource")
      .map((r) => new URL(r.name).pathname)
      .filter((p) => p.startsWith("/build/") && !p.endsWith(".css")),
  }));
  const own = expect.stringMatching(/^\/build\/pages\/checkin-[A-Z0-9]+\.js$/);
  expect(loaded.scripts).toEqual([own, "/sw-register.js"]);
  expect(loaded.build).toEqual([own]);
  expect(await isReactApp(page)).toBe(false);
  // still the form it is without JavaScript: the server names a malformed code at the field
  await page.getByLabel("Mã điểm danh").fill("abc");
  await page.getByRole("button", { name: "Điểm danh" }).click();
  await expect(page.locator(".field__error")).toHaveText(/Mã gồm 6 chữ cái và chữ số/);
});

test("reached from the app's menu, the check-in page loads as a document, not rendered by React", async ({ page }) => {
  await login(page, { identifier: "0913000196" });
  await page.goto("/khoa-hoc");
  await expect.poll(() => isReactApp(page)).toBe(true); // the class list is a React app
  await page.getByRole("navigation").getByRole("link", { name: "Điểm danh" }).click();
  await expect(page).toHaveURL(/\/diem-danh$/);
  await expect(page.getByLabel("Mã điểm danh")).toBeVisible();
  expect(await isReactApp(page)).toBe(false);
  expect(await loadedAsDocument(page)).toBe("/diem-danh");
});

test("home is a document for someone who only learns, after logging in and from the menu", async ({ page }) => {
  await login(page, { identifier: "0913000196" }); // the login page posts with React, and its redirect lands here
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await isReactApp(page)).toBe(false);
  expect(await loadedAsDocument(page)).toBe("/");
  await page.getByRole("navigation").getByRole("link", { name: "Khóa học" }).click();
  await expect(page).toHaveURL(/\/khoa-hoc$/);
  await expect.poll(() => isReactApp(page)).toBe(true);
  await page.getByRole("navigation").getByRole("link", { name: "Trang chủ" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect.poll(() => loadedAsDocument(page)).toBe("/");
  expect(await isReactApp(page)).toBe(false);
});

test("for a trainer home stays in the app: the way there and back is a client navigation", async ({ page }) => {
  await login(page, "trainer");
  await expect(page).toHaveURL(/\/$/);
  await expect.poll(() => isReactApp(page)).toBe(true);
  await page.getByRole("navigation").getByRole("link", { name: "Khóa học" }).click();
  await expect(page).toHaveURL(/\/khoa-hoc$/);
  await page.getByRole("navigation").getByRole("link", { name: "Trang chủ" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await loadedAsDocument(page)).toBe("/dang-nhap"); // still the document the login page was
});

test("a lesson is a document, and so is the next one; the lesson with the score sheet is a React app", async ({ page }) => {
  await login(page, { identifier: "0913000196" });
  await page.goto("/khoa-hoc/1/hoc/phuong-an-san-xuat-kinh-doanh/phuong-an-buoc-9-12");
  expect(await isReactApp(page)).toBe(false);
  await page.goto("/khoa-hoc/1/hoc/tieu-chi-danh-gia/cham-diem-va-xep-hang-sao");
  await expect.poll(() => isReactApp(page)).toBe(true); // its totals follow what is typed
  await page.getByRole("link", { name: "Bài tiếp →" }).click();
  await expect(page).not.toHaveURL(/cham-diem-va-xep-hang-sao/);
  await expect.poll(() => loadedAsDocument(page)).not.toContain("cham-diem");
  expect(await isReactApp(page)).toBe(false);
});

test("the quiz page is a document with its own script, which counts down once an attempt is open", async ({ page }) => {
  await login(page, { identifier: "0913000197" });
  await page.goto("/khoa-hoc/1/kiem-tra/kien-thuc-chung");
  const scripts = await page.evaluate(() => Array.from(document.scripts, (s) => (s.src ? new URL(s.src).pathname : "inline")));
  expect(scripts).toEqual([expect.stringMatching(/^\/build\/pages\/quiz-[A-Z0-9]+\.js$/), "/sw-register.js"]);
  expect(await isReactApp(page)).toBe(false);
  await page.getByRole("button", { name: /^(Bắt đầu làm bài|Làm lại)$/ }).click();
  await expect(page.getByTestId("quiz-countdown")).toHaveText(/^Thời gian còn lại: \d{2}:\d{2}$/);
  expect(await isReactApp(page)).toBe(false);
});
