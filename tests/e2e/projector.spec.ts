import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { login } from "./helpers";

/**
 * The check-in screen is projected in a hall: on any screen from 1024×768 up, the QR, the code, the live count and
 * the address fit without scrolling, and the address and countdown are large enough to read from the back.
 */
test.describe.configure({ mode: "serial" });

/** HH:mm in Vietnam, shifted by some minutes, clamped within today. */
function vnClock(offsetMin: number): { date: string; time: string } {
  const now = new Date(Date.now() + 7 * 3600_000 + offsetMin * 60_000);
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const iso = now.toISOString();
  if (iso.slice(0, 10) !== today) return { date: today, time: offsetMin < 0 ? "00:00" : "23:59" };
  return { date: today, time: iso.slice(11, 16) };
}

let displayUrl = "";

test("a trainer opens the projector screen of a session under way", async ({ page }) => {
  await login(page, "trainer");
  await page.getByRole("link", { name: "Điểm danh, danh sách, báo cáo" }).click();
  await page.getByLabel("Tên buổi / chuyên đề").fill("Buổi chiếu mã điểm danh");
  const start = vnClock(-5);
  await page.getByLabel("Ngày (dd/mm/yyyy)").fill(start.date);
  await page.getByLabel("Giờ bắt đầu", { exact: true }).fill(start.time);
  await page.getByLabel("Giờ kết thúc", { exact: true }).fill(vnClock(120).time);
  await page.getByLabel("Địa điểm", { exact: true }).fill("Hội trường lớn");
  await page.getByRole("button", { name: "Thêm buổi học" }).click();
  await expect(page.getByText("Đã thêm buổi học.")).toBeVisible();
  await page.locator(".att-sessions li", { hasText: "Buổi chiếu mã điểm danh" }).getByRole("link", { name: "Màn hình điểm danh" }).click();
  await expect(page.getByTestId("checkin-code")).toBeVisible();
  displayUrl = page.url();
});

async function inViewport(page: Page, testId: string) {
  const box = await page.getByTestId(testId).boundingBox();
  const { width, height } = page.viewportSize()!;
  expect(box, testId).not.toBeNull();
  expect(box!.x, `${testId} left`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${testId} top`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${testId} right`).toBeLessThanOrEqual(width);
  expect(box!.y + box!.height, `${testId} bottom`).toBeLessThanOrEqual(height);
}

for (const [width, height] of [
  [1024, 768],
  [1366, 768],
  [1920, 1080],
] as const) {
  test(`the projector screen fits ${width}×${height} without scrolling`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await login(page, "trainer");
    await page.goto(displayUrl);
    await expect(page.getByTestId("checkin-code")).toBeVisible();
    const scroll = await page.evaluate(() => {
      const display = document.querySelector(".att-display")!;
      return {
        docHeight: document.documentElement.scrollHeight,
        docWidth: document.documentElement.scrollWidth,
        boxHeight: display.scrollHeight,
        boxWidth: display.scrollWidth,
        innerHeight,
        innerWidth,
      };
    });
    expect(scroll.docHeight, "page height").toBeLessThanOrEqual(scroll.innerHeight);
    expect(scroll.docWidth, "page width").toBeLessThanOrEqual(scroll.innerWidth);
    expect(scroll.boxHeight, "screen height").toBeLessThanOrEqual(scroll.innerHeight);
    expect(scroll.boxWidth, "screen width").toBeLessThanOrEqual(scroll.innerWidth);
    for (const id of ["checkin-qr", "checkin-code", "checkin-count", "checkin-url", "checkin-countdown"]) await inViewport(page, id);
    for (const id of ["checkin-url", "checkin-countdown"]) {
      const px = await page.getByTestId(id).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(px, `${id} font size`).toBeGreaterThanOrEqual(32);
    }
    await context.close();
  });
}
