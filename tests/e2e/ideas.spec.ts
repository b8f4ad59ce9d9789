import { APPRAISAL_DEMO } from "../../prisma/seed-plans";
import { expect, test } from "./fixtures";
import { login, logout } from "./helpers";

test("a commune officer registers a producer's idea without JavaScript; the producer builds the plan from it", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, { identifier: "thamdinh@ocop-demo.vn" });
  await page.getByRole("link", { name: "Ý tưởng đăng ký" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ý tưởng sản phẩm đăng ký trên địa bàn" })).toBeVisible();

  // bad input stays on the page with the message next to the field
  await page.getByRole("button", { name: "Đăng ký ý tưởng" }).click();
  await expect(page.getByText("Vui lòng nhập thông tin này.")).toBeVisible();

  await page.getByLabel("Chủ thể").selectOption({ label: "Hộ sản xuất Nguyễn Thị Hà — Xã Thiên Lộc" });
  await page.getByLabel("Tên ý tưởng sản phẩm").fill("Tinh dầu vỏ cam bù");
  await page.getByLabel("Nhóm sản phẩm OCOP").selectOption("DUOC_LIEU");
  await page.getByRole("button", { name: "Đăng ký ý tưởng" }).click();
  await expect(page.getByText("Đã đăng ký ý tưởng “Tinh dầu vỏ cam bù”.")).toBeVisible();
  await expect(page.getByTestId("unit-ideas").getByRole("row", { name: /Tinh dầu vỏ cam bù/ })).toContainText("Chưa lập phương án");
  await logout(page);

  // the producer of that household finds the idea and starts its plan
  await login(page, { identifier: APPRAISAL_DEMO.producerThienLoc.email });
  await page.goto("/phuong-an");
  await page
    .getByTestId("ideas")
    .getByRole("row", { name: /Tinh dầu vỏ cam bù/ })
    .getByRole("button", { name: "Lập phương án mới" })
    .click();
  await expect(page).toHaveURL(/\/phuong-an\/\d+\/buoc\/1$/);
  await page.goto("/phuong-an");
  await expect(
    page
      .getByTestId("ideas")
      .getByRole("row", { name: /Tinh dầu vỏ cam bù/ })
      .getByRole("link", { name: "Xem phương án" }),
  ).toBeVisible();
  await context.close();
});

test("with JavaScript the idea form starts empty after a registration, so a second tap registers nothing more", async ({ page }) => {
  await login(page, "producer");
  await page.goto("/phuong-an");
  const title = page.getByLabel("Tên ý tưởng sản phẩm");
  await title.fill("Kẹo cu đơ Sơn Kim");
  await page.getByLabel("Nhóm sản phẩm OCOP").selectOption("THUC_PHAM");
  const register = page.getByRole("button", { name: "Đăng ký ý tưởng" });
  await register.click();
  await expect(page.getByText("Đã đăng ký ý tưởng “Kẹo cu đơ Sơn Kim”.")).toBeVisible();
  await expect(title).toHaveValue("");
  await register.click();
  await expect(page.getByText("Vui lòng nhập thông tin này.")).toBeVisible();
  await expect(page.getByTestId("ideas").getByRole("row", { name: /Kẹo cu đơ Sơn Kim/ })).toHaveCount(1);
  // typing the same idea again is refused at the name
  await title.fill("kẹo cu đơ  Sơn Kim");
  await page.getByLabel("Nhóm sản phẩm OCOP").selectOption("THUC_PHAM");
  await register.click();
  await expect(page.getByText("Chủ thể này đã đăng ký ý tưởng “Kẹo cu đơ Sơn Kim” năm nay.")).toBeVisible();
  await expect(page.getByTestId("ideas").getByRole("row", { name: /Kẹo cu đơ Sơn Kim/i })).toHaveCount(1);
});
