import fs from "node:fs";
import { expect, test } from "./fixtures";
import { login } from "./helpers";

// Seeded class members are used (not the shared demo learner), so other specs see untouched demo accounts.
const MEMBER = { identifier: "0913000101" };

test("a learner opens the catalogue, reads a lesson, completes it and sees progress change", async ({ page }) => {
  await login(page, MEMBER);
  await page.getByRole("link", { name: "Khóa học", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Khóa học của tôi" })).toBeVisible();
  await page.getByRole("link", { name: "Lớp tập huấn phổ biến kiến thức Chương trình OCOP" }).click();
  await expect(page.getByText("Đã hoàn thành 0/20 mục (0%)").first()).toBeVisible();
  await page.getByRole("link", { name: "Bắt đầu học" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chương trình OCOP là gì");
  await expect(page.locator(".lesson__body h2").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Nguồn", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Đánh dấu đã học xong" }).click();
  await expect(page.getByText("Đã ghi nhận bạn học xong bài này.")).toBeVisible();
  await expect(page.getByText("Đã hoàn thành 1/5 mục (20%)")).toBeVisible();
  await page.getByRole("link", { name: "Bài tiếp →" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chủ thể tham gia và sáu nhóm sản phẩm OCOP");
  await page.getByRole("link", { name: "← Về trang khóa học" }).click();
  await expect(page.getByText("Đã hoàn thành 1/20 mục (5%)").first()).toBeVisible();
  await expect(page.getByRole("link", { name: /^Học tiếp: / })).toBeVisible();
  // the home page points to the next lesson
  await page.goto("/");
  await expect(page.getByRole("link", { name: /^Bài tiếp theo: / })).toBeVisible();
});

test("the score sheet shows totals live with JavaScript", async ({ page }) => {
  await login(page, MEMBER);
  await page.goto("/khoa-hoc/1/hoc/tieu-chi-danh-gia/cham-diem-va-xep-hang-sao");
  await page.getByLabel("A. Sản phẩm và sức mạnh cộng đồng").fill("36");
  await page.getByLabel("B. Khả năng tiếp thị").fill("23");
  await page.getByLabel("C. Chất lượng sản phẩm").fill("31");
  await expect(page.getByTestId("sheet-total")).toHaveText("90");
  await expect(page.getByTestId("sheet-stars")).toContainText("5 sao");
  await page.getByLabel("C. Chất lượng sản phẩm").fill("30,5");
  await expect(page.getByTestId("sheet-stars")).toContainText("4 sao");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the score sheet posts to the server and gets the same result", async ({ page }) => {
    await login(page, MEMBER);
    await page.goto("/khoa-hoc/1/hoc/tieu-chi-danh-gia/cham-diem-va-xep-hang-sao");
    await page.getByLabel("A. Sản phẩm và sức mạnh cộng đồng").fill("28");
    await page.getByLabel("B. Khả năng tiếp thị").fill("15");
    await page.getByLabel("C. Chất lượng sản phẩm").fill("24");
    await page.getByRole("button", { name: "Tính điểm" }).click();
    await expect(page.getByText("Kết quả: 67/100 điểm — 3 sao.")).toBeVisible();
    await expect(page.getByTestId("sheet-total")).toHaveText("67");
    await page.getByLabel("A. Sản phẩm và sức mạnh cộng đồng").fill("45");
    await page.getByRole("button", { name: "Tính điểm" }).click();
    await expect(page.getByText("Điểm phải từ 0 đến 40, bước 0,5.")).toBeVisible();
  });
});

test("a trainer sees the learner's progress, searches without diacritics and downloads the CSV", async ({ page }) => {
  await login(page, "trainer");
  await page.goto("/khoa-hoc");
  await page.getByRole("link", { name: "Tiến độ học viên" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tiến độ học viên");
  await expect(page.getByText(/^\d+\/\d+ học viên$/)).toBeVisible();
  await page.getByLabel("Tìm học viên (không cần dấu)").fill("0913000101");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page.getByText(/^1\/\d+ học viên$/)).toBeVisible();
  const row = page.locator("tbody tr").first();
  await expect(row).toContainText("0913000101");
  await expect(row).toContainText("1/5");
  await page.getByLabel("Tìm học viên (không cần dấu)").fill("nguyen");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page.locator("tbody tr").first()).toContainText("Nguyễn");
  await page.getByRole("link", { name: "Sắp xếp theo Tổng" }).click();
  await expect(page).toHaveURL(/sap-xep=total/);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^tien-do-.*\.csv$/);
  const bytes = fs.readFileSync((await file.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain("Họ và tên");
});

test("the lesson page fits a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await login(page, MEMBER);
  await page.goto("/khoa-hoc/1/hoc/phuong-an-san-xuat-kinh-doanh/phuong-an-buoc-9-12");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
