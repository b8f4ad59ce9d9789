import ExcelJS from "exceljs";
import { plainURL, proxyURL } from "../../playwright.proxy.config";
import { expect, test } from "../e2e/fixtures";
import { account, login } from "../e2e/helpers";

/**
 * The app behind nginx with TLS, as an office deploys it (deploy/nginx-site.conf.template,
 * TRUST_PROXY=1): the https origin is ours, the session cookie is Secure, HSTS is sent.
 */
test.describe.configure({ mode: "serial" });

test("plain http is sent on to https", async ({ request }) => {
  const res = await request.get(`${plainURL}/dang-nhap?next=/khoa-hoc`, { maxRedirects: 0 });
  expect(res.status()).toBe(301);
  expect(res.headers().location).toBe(`${proxyURL}/dang-nhap?next=/khoa-hoc`);
});

test("a learner logs in over https: HSTS, a Secure session cookie, a compressed page", async ({ page, context }) => {
  const res = await page.goto("/dang-nhap");
  const headers = res!.headers();
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  expect(headers["content-encoding"]).toMatch(/^(br|gzip)$/);
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/); // nginx's $request_id, kept by the app
  await login(page, "learner");
  const cookie = (await context.cookies()).find((c) => c.name === "ocop_session")!;
  expect(cookie.secure).toBe(true);
  expect(cookie.httpOnly).toBe(true);
  await expect(page.getByRole("button", { name: "Đăng xuất" })).toBeVisible();
});

test("the Origin check accepts our https origin and refuses a foreign one", async ({ request }) => {
  const form = { identifier: account("learner").email, password: "OcopDemo@2026" };
  const foreign = await request.post("/dang-nhap", { headers: { Origin: "https://ke-gian.example" }, form, maxRedirects: 0 });
  expect(foreign.status()).toBe(403);
  const ours = await request.post("/dang-nhap", { headers: { Origin: proxyURL }, form, maxRedirects: 0 });
  expect(ours.status()).toBe(302);
  expect(ours.headers()["set-cookie"]).toMatch(/ocop_session=[^;]+;.*Secure/);
});

test("a trainer opens a session and a learner checks in through the proxy", async ({ page, browser }) => {
  await login(page, "trainer"); // lands on the home page
  await page.getByRole("link", { name: "Điểm danh, danh sách, báo cáo" }).first().click();
  const now = vnNow();
  await page.getByLabel("Tên buổi / chuyên đề").fill("Buổi điểm danh qua proxy");
  await page.getByLabel("Ngày (dd/mm/yyyy)").fill(now.date);
  await page.getByLabel("Giờ bắt đầu", { exact: true }).fill(now.start);
  await page.getByLabel("Giờ kết thúc", { exact: true }).fill(now.end);
  await page.getByLabel("Địa điểm", { exact: true }).fill("Hội trường");
  await page.getByRole("button", { name: "Thêm buổi học" }).click();
  await expect(page.getByText("Đã thêm buổi học.")).toBeVisible();
  await page.locator(".att-sessions li", { hasText: "Buổi điểm danh qua proxy" }).getByRole("link", { name: "Màn hình điểm danh" }).click();
  const code = (await page.getByTestId("checkin-code").textContent())!.trim();

  const learner = await browser.newContext({ ignoreHTTPSErrors: true });
  const phone = await learner.newPage();
  await login(phone, { identifier: "0913000011" });
  await phone.goto("/diem-danh");
  await phone.getByLabel("Mã điểm danh").fill(code);
  await phone.getByRole("button", { name: "Điểm danh" }).click();
  await expect(phone.getByText(/^Đã điểm danh (buổi “.+”: )?(Có mặt|Đi muộn)/)).toBeVisible();
  await learner.close();
  await expect(page.getByTestId("checkin-count")).toContainText("Đã điểm danh: 1/", { timeout: 10_000 });
});

test("a trainer downloads the class progress as Excel through the proxy", async ({ page }) => {
  await login(page, "trainer");
  await page.goto("/khoa-hoc");
  await page.getByRole("link", { name: "Tiến độ học viên" }).first().click();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải Excel" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^tien-do-.*\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  expect(wb.worksheets[0].getRow(1).values).toContain("Họ và tên");
  expect(wb.worksheets[0].rowCount).toBeGreaterThan(200); // the whole class came through
});

/** Today in Vietnam, with a session window around now (clamped within the day). */
function vnNow(): { date: string; start: string; end: string } {
  const vn = new Date(Date.now() + 7 * 3600_000);
  const hhmm = (d: Date) => d.toISOString().slice(11, 16);
  const before = new Date(Math.max(vn.getTime() - 5 * 60_000, Date.parse(vn.toISOString().slice(0, 10))));
  const after = new Date(Math.min(vn.getTime() + 120 * 60_000, Date.parse(vn.toISOString().slice(0, 10)) + 86_399_000));
  return { date: vn.toISOString().slice(0, 10), start: hhmm(before), end: hhmm(after) }; // a date input takes ISO
}
