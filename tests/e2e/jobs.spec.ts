import { expect, test } from "./fixtures";
import { login } from "./helpers";

/** The scheduled work as people meet it: a trainer sets a class's absence warnings, an admin sees the jobs run. */

test("a trainer turns on the class's absence warnings without JavaScript, fixes a bad threshold, then turns them off", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await login(page, "trainer");
    await page.getByRole("link", { name: "Điểm danh, danh sách, báo cáo" }).click();
    const courseUrl = new URL(page.url()).pathname.replace(/\/diem-danh$/, "");
    await page.goto(`${courseUrl}/canh-bao-vang`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cảnh báo vắng học");
    await expect(page.getByText("Lớp này chưa bật cảnh báo vắng học.")).toBeVisible();

    await page.getByLabel("Ngưỡng chuyên cần tối thiểu (%)").fill("120");
    await page.getByRole("button", { name: "Bật / lưu cảnh báo" }).click();
    await expect(page.getByText("Nhập ngưỡng từ 1 đến 100.")).toBeVisible();

    await page.getByLabel("Ngưỡng chuyên cần tối thiểu (%)").fill("75");
    await page.getByLabel("Số lần cảnh báo tối đa cho mỗi học viên").fill("3");
    await page.getByRole("button", { name: "Bật / lưu cảnh báo" }).click();
    await expect(page.getByText("Đã lưu cài đặt cảnh báo vắng học.")).toBeVisible();
    await expect(page.getByText("Đang bật: cảnh báo khi chuyên cần dưới 75%, tối đa 3 lần mỗi học viên.")).toBeVisible();

    await page.getByRole("button", { name: "Tắt cảnh báo" }).click();
    await expect(page.getByText("Lớp này chưa bật cảnh báo vắng học.")).toBeVisible();
  } finally {
    await context.close();
  }
});

test("the admin settings page lists the jobs the server has run", async ({ page }) => {
  await login(page, "admin");
  await page.goto("/quan-tri/cai-dat");
  const jobs = page.getByTestId("jobs");
  const overdue = jobs.getByRole("row", { name: /Ghi nhận hồ sơ quá hạn thẩm định/ });
  // the overdue sweep runs as the server starts: it has a last run and a result
  await expect(overdue).toContainText(/Xong: \d+ mục/);
  // a daily job shows its next run at its time (whether or not a moved clock already ran it)
  await expect(jobs.getByRole("row", { name: /Nhắc giảng viên tối trước buổi học/ })).toContainText(/\d{2}\/\d{2}\/\d{4} 19:00/);
});
