import type { Page } from "@playwright/test";
import { APPRAISAL_DEMO, DEMO_PLAN_TITLE } from "../../prisma/seed-plans";
import { expect, test } from "./fixtures";
import { login, logout } from "./helpers";

async function approvedThisYear(page: Page): Promise<number> {
  await page.goto("/thong-ke/tham-dinh");
  const row = page.getByTestId("stats-table").getByRole("row", { name: /Được phê duyệt/ });
  return Number((await row.getByRole("cell").last().textContent())?.trim());
}

test("submit, return with a comment, answer and resubmit, forward, approve; the dashboard counts it", async ({ page }) => {
  test.setTimeout(150_000); // five sign-ins and two viewports on a shared 2-core machine
  await login(page, "admin");
  const approvedBefore = await approvedThisYear(page);
  await logout(page);

  // The producer submits the complete demo plan.
  await login(page, "producer");
  await page.goto("/phuong-an");
  await page.getByRole("link", { name: DEMO_PLAN_TITLE }).click();
  await expect(page).toHaveURL(/\/phuong-an\/\d+$/);
  const planUrl = page.url();
  await page.getByRole("button", { name: "Nộp phương án để thẩm định" }).click();
  await expect(page.getByText("Đã nộp phiên bản 1.")).toBeVisible();
  await expect(page.getByTestId("appraisal-where")).toContainText("Phương án đang ở cấp Xã, hạn xử lý");
  await logout(page);

  // The commune appraiser of the producer's commune gets a notification, comments and returns it.
  await login(page, { identifier: APPRAISAL_DEMO.communeAppraiser.email });
  await expect(page.getByRole("link", { name: "1 thông báo chưa đọc" })).toBeVisible();
  await page.getByRole("link", { name: "Thẩm định", exact: true }).click();
  await page.getByTestId("queue").getByRole("link", { name: DEMO_PLAN_TITLE }).click();
  await page.getByLabel("Bước", { exact: true }).selectOption("9");
  await page.getByLabel("Ý kiến", { exact: true }).fill("Đề nghị nêu căn cứ khấu hao.");
  await page.getByRole("button", { name: "Gửi ý kiến" }).click();
  await expect(page.getByText("Đã gửi ý kiến.")).toBeVisible();
  // no default decision, and a commune officer is not offered approval (the chain is commune → province)
  await expect(page.getByLabel("Quyết định")).toHaveValue("");
  await expect(page.getByLabel("Quyết định").locator("option")).toHaveText([
    "— Chọn quyết định —",
    "Chuyển cấp tiếp theo",
    "Trả lại để sửa",
    "Không chấp thuận",
  ]);
  await page.getByRole("button", { name: "Quyết định" }).click();
  await expect(page.getByText("Chọn một quyết định.")).toBeVisible();
  await page.getByLabel("Quyết định").selectOption("RETURN");
  await page.getByRole("button", { name: "Quyết định" }).click();
  await expect(page.getByText("Vui lòng nêu lý do.")).toBeVisible();
  await page.getByLabel("Quyết định").selectOption("RETURN");
  await page.getByLabel("Lý do / ý kiến").fill("Bổ sung căn cứ khấu hao ở bước 9.");
  await page.getByRole("button", { name: "Quyết định" }).click();
  // the confirmation names the consequence; only confirming applies it
  await expect(page.getByTestId("decision-confirm")).toContainText("Hồ sơ sẽ được trả cho chủ thể để sửa; đồng hồ hạn xử lý dừng cho đến khi chủ thể nộp lại.");
  await page.getByRole("button", { name: "Xác nhận: Trả lại để sửa" }).click();
  await expect(page.getByText("Đã ghi nhận: Trả lại để sửa.")).toBeVisible();
  await expect(page.getByTestId("case-clock")).toHaveText("Đồng hồ dừng khi hồ sơ ở chỗ chủ thể");
  // the case leaves the queue but stays in the officer's "handled by me" list
  await page.goto("/tham-dinh");
  await expect(page.getByTestId("queue").getByRole("link", { name: DEMO_PLAN_TITLE })).toHaveCount(0);
  await expect(page.getByTestId("handled").getByRole("row", { name: new RegExp(DEMO_PLAN_TITLE) })).toContainText("Đồng hồ dừng khi hồ sơ ở chỗ chủ thể");
  await logout(page);

  // The producer, on a 390 px phone, sees why at the top, answers, fixes step 9 and resubmits version 2.
  const desktop = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, "producer");
  await page.goto(planUrl);
  const reason = page.getByTestId("return-reason");
  await expect(reason).toContainText("Lý do: Bổ sung căn cứ khấu hao ở bước 9.");
  await expect(reason).toBeInViewport();
  const box = (await reason.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await expect(page.getByTestId("plan-status")).toHaveClass(/tag--warn/);
  await expect(page.getByTestId("appraisal-where")).toHaveText("Trả lại để sửa");
  await expect(page.locator(".plan-checklist li").nth(8)).toContainText("Cần xem lại theo ý kiến thẩm định");
  await expect(page.getByTestId("audit-trail")).toContainText("Bổ sung căn cứ khấu hao ở bước 9.");
  // the comment is on the step 9 page, whose checklist marks step 9 until it is edited
  await reason.getByRole("link", { name: /^9\./ }).click();
  await expect(page).toHaveURL(/\/buoc\/9$/);
  await expect(page.getByTestId("step-comments")).toContainText("Đề nghị nêu căn cứ khấu hao.");
  await expect(page.locator(".plan-steps li").nth(8).locator("a")).toHaveClass(/needs-look/);
  await page.goto(planUrl);
  await page.setViewportSize(desktop);
  await page.getByLabel(/^Trả lời/).fill("Khấu hao 5 năm theo đường thẳng, đã bổ sung.");
  await page.getByRole("button", { name: "Trả lời" }).click();
  await expect(page.getByText("Đã gửi ý kiến.")).toBeVisible();
  await page.goto(`${planUrl}/buoc/9`);
  await page.getByLabel("Khấu hao mỗi năm").fill("50 triệu");
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByText("Đã lưu. Bước này đã đầy đủ.")).toBeVisible();
  await expect(page.locator(".plan-steps li").nth(8).locator("a")).not.toHaveClass(/needs-look/);
  await page.goto(planUrl);
  await page.getByRole("button", { name: "Nộp lại phương án đã sửa" }).click();
  await expect(page.getByText("Đã nộp phiên bản 2.")).toBeVisible();
  await logout(page);

  // The commune appraiser sees the change between versions and forwards it.
  await login(page, { identifier: APPRAISAL_DEMO.communeAppraiser.email });
  await page.goto("/tham-dinh");
  await page.getByTestId("queue").getByRole("link", { name: DEMO_PLAN_TITLE }).click();
  await expect(page.getByTestId("version-diff")).toContainText("60.000.000");
  await expect(page.getByTestId("version-diff")).toContainText("50.000.000");
  await expect(page.getByText("Khấu hao 5 năm theo đường thẳng, đã bổ sung.")).toBeVisible();
  await page.getByLabel("Quyết định").selectOption("FORWARD");
  await page.getByRole("button", { name: "Quyết định" }).click();
  await expect(page.getByTestId("decision-confirm")).toContainText("Hồ sơ sẽ được chuyển lên cấp Tỉnh thẩm định tiếp");
  await page.getByRole("button", { name: "Xác nhận: Chuyển cấp tiếp theo" }).click();
  await expect(page.getByText("Đã ghi nhận: Chuyển cấp tiếp theo.")).toBeVisible();
  await logout(page);

  // The province appraiser approves.
  await login(page, { identifier: "thamdinh.tinh@ocop-demo.vn" });
  await page.goto("/tham-dinh");
  await page.getByTestId("queue").getByRole("link", { name: DEMO_PLAN_TITLE }).click();
  await expect(page.getByLabel("Quyết định").locator("option")).toHaveText(["— Chọn quyết định —", "Phê duyệt", "Trả lại để sửa", "Không chấp thuận"]);
  await page.getByLabel("Quyết định").selectOption("APPROVE");
  await page.getByRole("button", { name: "Quyết định" }).click();
  await page.getByRole("button", { name: "Xác nhận: Phê duyệt" }).click();
  await expect(page.getByText("Đã ghi nhận: Phê duyệt.")).toBeVisible();
  await logout(page);

  await login(page, "admin");
  expect(await approvedThisYear(page)).toBe(approvedBefore + 1);
  await expect(page.locator("svg.chart").first()).toBeVisible();
});

test("an overdue item shows as overdue when the clock passes its deadline", async ({ page, request }) => {
  await login(page, { identifier: "thamdinh@ocop-demo.vn" });
  await page.goto("/tham-dinh");
  const row = page.getByTestId("queue").getByRole("row", { name: /Cam bù Thiên Lộc/ });
  await expect(row).toContainText("còn");
  const moved = await request.post("/kiem-thu/dong-ho", { form: { days: "6" } });
  expect(moved.ok()).toBe(true);
  try {
    await page.reload();
    await expect(row).toContainText("Quá hạn");
    await expect(row).toHaveClass(/is-overdue/);
  } finally {
    await request.post("/kiem-thu/dong-ho", { form: { days: "0" } });
  }
});

test("the province admin chooses what overdue means, without JavaScript; the statistics state the rule", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, "admin");
  const setRule = async (rule: "FLAG" | "LAPSE", names: boolean) => {
    await page.goto("/quan-tri/cai-dat");
    await page.getByLabel("Khi hồ sơ quá hạn").selectOption(rule);
    await page.getByLabel("Cho chủ thể xem tên cán bộ thẩm định trong lịch sử hồ sơ").setChecked(names);
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByText("Đã lưu cài đặt.")).toBeVisible();
  };
  try {
    await setRule("LAPSE", true);
    await page.goto("/quan-tri/cai-dat");
    await expect(page.getByLabel("Khi hồ sơ quá hạn")).toHaveValue("LAPSE");
    await expect(page.getByLabel("Cho chủ thể xem tên cán bộ thẩm định trong lịch sử hồ sơ")).toBeChecked();
    await page.goto("/thong-ke/tham-dinh");
    await expect(page.getByTestId("overdue-rule")).toHaveText(
      "Quy định của tỉnh khi hồ sơ quá hạn: Đóng hồ sơ: địa phương coi như không có sản phẩm đăng ký năm đó.",
    );
  } finally {
    await setRule("FLAG", false);
    await context.close();
  }
});
