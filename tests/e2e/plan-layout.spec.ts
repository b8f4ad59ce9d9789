import { DEMO_PLAN_TITLE } from "../../prisma/seed-plans";
import { expect, test } from "./fixtures";
import { login } from "./helpers";

/** The producer's demo plan, a draft with all twelve steps filled. */
async function demoPlanUrl(page: import("@playwright/test").Page): Promise<string> {
  await page.goto("/phuong-an");
  const href = await page.locator("a[href^='/phuong-an/']", { hasText: DEMO_PLAN_TITLE }).first().getAttribute("href");
  expect(href).toMatch(/^\/phuong-an\/\d+$/);
  return href!;
}

/**
 * Issue 14.4: every step page of the business plan fits the screen — a 390 px phone, a 1024 px
 * projector, a 1366 px office screen — with wide tables scrolling inside their own frame, and the
 * sticky save bar on screen.
 */
const WIDTHS = [390, 1024, 1366];

test("every step page of a plan fits the width of a phone, a projector and a desktop", async ({ page }) => {
  test.slow(); // 36 page loads
  await login(page, "producer");
  const planUrl = await demoPlanUrl(page);
  const overflow: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
    for (let step = 1; step <= 12; step++) {
      await page.goto(`${planUrl}/buoc/${step}`);
      const m = await page.evaluate(() => {
        const bar = document.querySelector(".plan-savebar")?.getBoundingClientRect();
        return { scroll: document.documentElement.scrollWidth, view: window.innerWidth, barRight: bar ? bar.right : 0 };
      });
      if (m.scroll > m.view) overflow.push(`step ${step} at ${width} px: ${m.scroll} px wide`);
      if (m.barRight > m.view) overflow.push(`step ${step} at ${width} px: save bar ends at ${m.barRight} px`);
    }
  }
  expect(overflow).toEqual([]);
});

test("step 9 shows only the years chosen", async ({ page }) => {
  // a plan of its own: the demo plan may be under appraisal (read-only) when another spec ran first
  await login(page, "producer");
  await page.goto("/phuong-an");
  await page.getByLabel("Tên ý tưởng sản phẩm").fill("Mứt gừng Hương Sơn");
  await page.getByLabel("Nhóm sản phẩm OCOP").selectOption("THUC_PHAM");
  await page.getByRole("button", { name: "Đăng ký ý tưởng" }).click();
  await page
    .getByTestId("ideas")
    .getByRole("row", { name: /Mứt gừng Hương Sơn/ })
    .getByRole("button", { name: "Lập phương án mới" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Thông tin chủ thể" })).toBeVisible();
  const planUrl = page.url().replace(/\/buoc\/1$/, "");
  await page.goto(`${planUrl}/buoc/9`);
  await page.getByLabel("Số năm của phương án").selectOption("5");
  await expect(page.getByRole("columnheader", { name: "Sản lượng năm 5" })).toBeVisible();
  await page.getByLabel("Số năm của phương án").selectOption("3");
  await expect(page.getByRole("columnheader", { name: "Sản lượng năm 3" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Sản lượng năm 4" })).toBeHidden();
  await expect(page.getByRole("columnheader", { name: "Sản lượng năm 5" })).toBeHidden();
  await expect(page.getByTestId("financial-table").getByRole("columnheader", { name: "Năm 4" })).toHaveCount(0);
});
