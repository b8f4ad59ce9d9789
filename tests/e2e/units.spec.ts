import { expect, test } from "./fixtures";
import { login, logout } from "./helpers";

/**
 * Issue 18 as the province office lives it: the admin loads a second province from the 2025 catalogue, then a trainer
 * imports a 2026 roster written with the names officers know — a former commune, a split one, a former district, a
 * commune of today by its code — and confirms after picking where the split commune's learner lives now.
 */
test.describe.configure({ mode: "serial" });

test("the province admin loads Nghệ An from the catalogue, by name, without JavaScript too", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, "admin");
  await page.goto("/quan-tri/don-vi");
  await page.getByRole("link", { name: "Tải thêm tỉnh, thành phố từ danh mục chính thức" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Danh mục đơn vị hành chính 2025");

  await page.getByLabel("Tìm tỉnh, thành phố").fill("nghe an");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  const rows = page.getByTestId("catalogue-provinces").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Tỉnh Nghệ An");
  await expect(rows.first()).toContainText("Chưa tải");

  const field = page.getByLabel("Tên hoặc mã tỉnh, thành phố");
  await field.fill("ninh");
  await page.getByRole("button", { name: "Tải", exact: true }).click();
  await expect(page.getByText(/^Có nhiều tỉnh, thành phố khớp: .*Tỉnh Quảng Ninh/)).toBeVisible();
  await expect(field).toHaveValue("ninh");

  await field.fill("Nghệ An");
  await page.getByRole("button", { name: "Tải", exact: true }).click();
  await expect(page.getByRole("status")).toContainText(/Đã tải Tỉnh Nghệ An: thêm [\d.]+ đơn vị\./);
  await page.getByLabel("Tìm tỉnh, thành phố").fill("40");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await expect(rows.first()).toContainText("Đã tải");
  await context.close();
});

test("a trainer imports a roster mixing old and new units and picks the new commune of a split one", async ({ page }) => {
  await login(page, "trainer");
  await page.getByRole("link", { name: "Điểm danh, danh sách, báo cáo" }).click();
  await expect(page).toHaveURL(/\/khoa-hoc\/\d+\/diem-danh$/);
  const courseUrl = new URL(page.url()).pathname.replace(/\/diem-danh$/, "");
  await page.goto(`${courseUrl}/nhap-danh-sach`);
  const roster = [
    "Họ và tên,Số điện thoại,Đơn vị",
    'Phan Văn Cũ,84919300001,"Xã Thiên Lộc, Huyện Can Lộc"',
    "Phan Thị Huyện,(+84) 919 300 002,Huyện Hương Sơn",
    "Phan Văn Chia,0919.300.003,Phường Đại Nài",
    "Phan Thị Mới,0919 300 004,18406",
  ].join("\r\n");
  await page.getByLabel("Tệp danh sách").setInputFiles({ name: "lop-2026.csv", mimeType: "text/csv", buffer: Buffer.from(roster) });
  await page.getByRole("button", { name: "Xem trước" }).click();

  const problems = page.locator("table.att-problems tbody tr");
  await expect(problems).toHaveCount(3);
  await expect(problems.nth(0)).toContainText("Xã Thiên Lộc → Xã Can Lộc");
  await expect(problems.nth(1)).toContainText("Huyện Hương Sơn → Tỉnh Hà Tĩnh");
  await expect(problems.nth(2)).toContainText(/Phường Đại Nài → .+, .+/);
  for (let i = 0; i < 3; i++) await expect(problems.nth(i)).toContainText("Lưu ý");

  // the split commune asks; confirming without a pick is refused by the browser and by the server alike
  const pick = page.getByRole("combobox", { name: /Phường Đại Nài: Chọn đơn vị mới/ });
  const options = await pick.locator("option:not([disabled])").allTextContents();
  expect(options.length).toBeGreaterThan(1);
  await pick.selectOption({ label: options[1] });
  await page.getByRole("button", { name: "Xác nhận nhập 4 học viên" }).click();
  await expect(page.getByText("Đã nhập 4 học viên (4 tài khoản mới).")).toBeVisible();

  await page.goto(`${courseUrl}/hoc-vien?q=Phan`);
  for (const [name, unit] of [
    ["Phan Văn Cũ", "Xã Can Lộc"],
    ["Phan Thị Huyện", "Tỉnh Hà Tĩnh"],
    ["Phan Văn Chia", options[1]],
    ["Phan Thị Mới", "Xã Can Lộc"],
  ])
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText(unit);
  await logout(page);
});

test("with two provinces loaded, a newcomer picks the province, then the commune, without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/dang-ky");
  const province = page.getByLabel("Tỉnh, thành phố", { exact: true });
  await expect(page.getByLabel("Đơn vị (xã, phường)").locator("option")).toHaveText(["—"]); // nothing until a province is chosen

  await province.selectOption({ label: "Tỉnh Nghệ An" });
  await page.getByRole("button", { name: "Xem xã, phường" }).click();
  const unit = page.getByLabel("Đơn vị (xã, phường)");
  const options = unit.locator("option");
  await expect(options.nth(1)).toHaveText("Tỉnh Nghệ An");
  expect(await options.count()).toBeLessThan(200); // one province's communes, not the country's
  await expect(unit.locator("option", { hasText: "Xã Can Lộc" })).toHaveCount(0);

  // the class (code OCOP2026) is Hà Tĩnh's
  await province.selectOption({ label: "Tỉnh Hà Tĩnh" });
  await page.getByRole("button", { name: "Xem xã, phường" }).click();
  await page.getByLabel("Mã ghi danh khóa học").fill("OCOP2026");
  await page.getByLabel("Họ và tên").fill("Hồ Thị Tỉnh");
  await page.getByLabel("Số điện thoại di động").fill("0987 123 777");
  await unit.selectOption((await unit.locator("option", { hasText: "Xã Can Lộc" }).getAttribute("value"))!);
  await page.getByLabel("Mật khẩu", { exact: true }).fill("MatKhau2026");
  await page.getByLabel("Nhập lại mật khẩu").fill("MatKhau2027");
  await page.getByRole("button", { name: "Đăng ký" }).click();
  // refused at the field: the page keeps the province and what was picked
  await expect(page.getByText("Mật khẩu nhập lại không khớp.")).toBeVisible();
  await expect(province).toHaveValue(/\d+/);
  await expect(unit.locator("option:checked")).toHaveText(/Xã Can Lộc/);
  await page.getByLabel("Mật khẩu", { exact: true }).fill("MatKhau2026");
  await page.getByLabel("Nhập lại mật khẩu").fill("MatKhau2026");
  await page.getByRole("button", { name: "Đăng ký" }).click();
  await expect(page).toHaveURL(/\/dang-nhap\?da-dang-ky=1$/);
  await context.close();
});

test("a trainer adds one learner by hand from a split former commune, picking the new one, without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, "trainer");
  await page.getByRole("link", { name: "Điểm danh, danh sách, báo cáo" }).click();
  const courseUrl = new URL(page.url()).pathname.replace(/\/diem-danh$/, "");
  await page.goto(`${courseUrl}/hoc-vien`);
  await page.getByLabel("Họ và tên").fill("Hồ Văn Chia");
  await page.getByLabel("Số điện thoại").fill("0919 300 099");
  await page.getByLabel("Đơn vị", { exact: true }).fill("Phường Đại Nài");
  await page.getByRole("button", { name: "Thêm một học viên" }).click();

  await expect(page.getByText(/^Phường Đại Nài là đơn vị cũ, từ 01\/07\/2025 đã chia cho: .+, .+\./)).toBeVisible();
  await expect(page.getByLabel("Đơn vị", { exact: true })).toHaveValue("Phường Đại Nài");
  const pick = page.getByLabel("Đơn vị mới của học viên");
  const choices = await pick.locator("option").allTextContents();
  expect(choices.length).toBeGreaterThan(2);
  await pick.selectOption({ label: choices[2] });
  await page.getByRole("button", { name: "Thêm một học viên" }).click();
  await expect(page.getByRole("status")).toContainText(`Phường Đại Nài → ${choices[2]}`);
  await page.goto(`${courseUrl}/hoc-vien?q=Hồ Văn Chia`);
  await expect(page.getByRole("row", { name: /Hồ Văn Chia/ })).toContainText(choices[2]);
  await context.close();
});
