import { withE2eDb } from "./e2e-db";
import { expect, test } from "./fixtures";
import { account, login, logout } from "./helpers";

test.describe("đăng nhập theo vai trò", () => {
  for (const role of ["learner", "producer", "trainer", "consultant", "appraiser", "admin"] as const) {
    test(`${role} logs in and sees their home`, async ({ page }) => {
      await login(page, role);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Xin chào, ${account(role).fullName}`);
      await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    });
  }

  test("logs in with a phone number in +84 form", async ({ page }) => {
    await login(page, { identifier: `+84${account("producer").phone.slice(1)}` });
    await expect(page.getByRole("heading", { name: "Phương án sản xuất kinh doanh" })).toBeVisible();
  });
});

test("wrong password shows a Vietnamese message and stays on the form", async ({ page }) => {
  await page.goto("/dang-nhap");
  await page.getByLabel("Email hoặc số điện thoại").fill(account("learner").email);
  await page.getByLabel("Mật khẩu").fill("mat-khau-sai");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("alert")).toHaveText("Email/số điện thoại hoặc mật khẩu không đúng.");
  await expect(page.getByLabel("Email hoặc số điện thoại")).toHaveValue(account("learner").email);
});

test("an invalid identifier gets a message next to the field", async ({ page }) => {
  await page.goto("/dang-nhap");
  await page.getByLabel("Email hoặc số điện thoại").fill("12345");
  await page.getByLabel("Mật khẩu").fill("x");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByText("Nhập email hợp lệ hoặc số di động Việt Nam")).toBeVisible();
});

test("five failures lock the account with a time to retry", async ({ page }) => {
  const identifier = account("consultant").email;
  await page.goto("/dang-nhap");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email hoặc số điện thoại").fill(identifier);
    await page.getByLabel("Mật khẩu").fill(`sai-${i}`);
    // each answer before the next try: the alert reads the same each time, so it cannot tell one answer from the next,
    // and a try sent while the last is in flight aborts it (an uncaught "signal is aborted" in a loaded run)
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/dang-nhap"));
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await answered;
    await expect(page.getByRole("alert")).toHaveText("Email/số điện thoại hoặc mật khẩu không đúng.");
  }
  await page.getByLabel("Email hoặc số điện thoại").fill(identifier);
  await page.getByLabel("Mật khẩu").fill("OcopDemo@2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("alert")).toContainText(/Vui lòng thử lại sau \d{2}:\d{2}/);
  // the e2e database is shared by every spec: unlock the account for the specs that sign in as it
  await withE2eDb((db) => db.throttleHit.deleteMany({ where: { key: { contains: identifier } } }));
});

test("logout ends the session; a protected page then asks to log in", async ({ page }) => {
  await login(page, "learner");
  await logout(page);
  await page.goto("/tai-khoan");
  await expect(page).toHaveURL(/\/dang-nhap\?next=%2Ftai-khoan/);
  await expect(page.getByRole("heading", { name: "Đăng nhập" })).toBeVisible();
});

test("anonymous visitors are sent to login and come back after", async ({ page }) => {
  await page.goto("/tai-khoan");
  await expect(page).toHaveURL(/\/dang-nhap/);
  await page.getByLabel("Email hoặc số điện thoại").fill(account("learner").email);
  await page.getByLabel("Mật khẩu").fill("OcopDemo@2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/tai-khoan$/);
  await expect(page.getByRole("heading", { name: "Tài khoản của tôi" })).toBeVisible();
});

test("a learner gets 403 on an admin page", async ({ page }) => {
  await login(page, "learner");
  const response = await page.goto("/quan-tri/nguoi-dung");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Không có quyền truy cập" })).toBeVisible();
});

test("an admin finds a class member and deactivates them: their session ends at once", async ({ page, browser }) => {
  const phone = "0913000001"; // one of the 210 seeded class members
  const learnerContext = await browser.newContext();
  const learnerPage = await learnerContext.newPage();
  await login(learnerPage, { identifier: phone });

  await login(page, "admin");
  await page.goto("/quan-tri/nguoi-dung");
  await page.getByLabel("Tìm theo tên, email hoặc số điện thoại").fill(phone);
  await page.getByRole("button", { name: "Tìm kiếm" }).click();
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await page.locator("tbody a").first().click();
  await page.getByRole("button", { name: "Khóa tài khoản" }).click();
  await expect(page.getByText("Đã khóa tài khoản và kết thúc mọi phiên đăng nhập.")).toBeVisible();

  await learnerPage.goto("/tai-khoan");
  await expect(learnerPage).toHaveURL(/\/dang-nhap/);
  await learnerContext.close();
});

test("an admin searches users without diacritics", async ({ page }) => {
  await login(page, "admin");
  await page.goto("/quan-tri/nguoi-dung?q=pham%20thi%20lan");
  await expect(page.getByRole("link", { name: account("producer").fullName })).toBeVisible();
});

test("works on a 360 px phone screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await login(page, "trainer");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});

test.describe("registration without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("registers with the enrolment code, is told to log in, and logs in", async ({ page }) => {
    await page.goto("/dang-ky");
    await page.getByLabel("Mã ghi danh khóa học").fill("ocop2026");
    await page.getByLabel("Họ và tên").fill("Phan Thị Lan");
    await page.getByLabel("Số điện thoại di động").fill("0987 123 001");
    // one province loaded: its communes of today are listed at once, the former ones are not
    await expect(page.getByLabel("Tỉnh, thành phố", { exact: true })).toHaveCount(0);
    const unit = page.getByLabel("Đơn vị (xã, phường)");
    await expect(unit.locator("option", { hasText: "Thiên Lộc" })).toHaveCount(0);
    await unit.selectOption((await unit.locator("option", { hasText: "Xã Can Lộc" }).getAttribute("value"))!);
    await page.getByLabel("Mật khẩu", { exact: true }).fill("MatKhau2026");
    await page.getByLabel("Nhập lại mật khẩu").fill("MatKhau2026");
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await expect(page).toHaveURL(/\/dang-nhap\?da-dang-ky=1$/);
    await expect(page.getByRole("status")).toContainText("Đã nhận đăng ký");
    await login(page, { identifier: "0987123001", password: "MatKhau2026" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xin chào, Phan Thị Lan");
  });
});
