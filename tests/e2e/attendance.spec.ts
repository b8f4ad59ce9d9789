import ExcelJS from "exceljs";
import { expect, test } from "./fixtures";
import { login } from "./helpers";

/**
 * A trainer's morning with a class of 200+: import a roster, open a session, let learners check in
 * with the projected code, mark the rest, then download the reports.
 */
test.describe.configure({ mode: "serial" });

const HEADER = ["Họ và tên", "Số điện thoại", "Email", "Đơn vị (xã/huyện)", "Chức vụ", "Đối tượng"];
const UNITS = ["Xã Thiên Lộc", "thien loc", "Huyện Can Lộc", "xa son tay", "Xã Vượng Lộc"];
const CATS = ["cán bộ xã", "Cán bộ huyện", "Chủ thể OCOP", "tư vấn"];

async function rosterXlsx(n: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Danh sách lớp");
  ws.addRow(HEADER);
  for (let i = 1; i <= n; i++)
    ws.addRow([`Học Viên Nhập Số ${i}`, `0914${String(i).padStart(6, "0")}`, "", UNITS[i % UNITS.length], "Cán bộ", CATS[i % CATS.length]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** HH:mm in Vietnam, shifted by some minutes, clamped within today. */
function vnClock(offsetMin: number): { date: string; time: string } {
  const t = new Date(Date.now() + 7 * 3600_000 + offsetMin * 60_000);
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const iso = t.toISOString();
  if (iso.slice(0, 10) !== today) return { date: today, time: offsetMin < 0 ? "00:00" : "23:59" };
  return { date: today, time: iso.slice(11, 16) };
}

let courseUrl = "";

test("trainer imports a 210-row roster after seeing the errors of a broken file", async ({ page }) => {
  await login(page, "trainer");
  await page.getByRole("link", { name: "Điểm danh, danh sách, báo cáo" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Điểm danh — Lớp tập huấn phổ biến kiến thức Chương trình OCOP");
  courseUrl = new URL(page.url()).pathname.replace(/\/diem-danh$/, "");

  await page.goto(`${courseUrl}/nhap-danh-sach`); // a full load: hydration must match the server HTML
  const broken = ["Họ và tên,Số điện thoại,Đơn vị", ",0914999001,Xã Thiên Lộc", "Lê Văn Sai,12345,Xã Không Có"].join("\r\n");
  await page.getByLabel("Tệp danh sách").setInputFiles({ name: "loi.csv", mimeType: "text/csv", buffer: Buffer.from(broken) });
  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByText("Tệp còn lỗi: sửa các dòng dưới đây rồi tải lên lại. Chưa có gì được ghi.")).toBeVisible();
  const problems = page.locator("table.att-problems tbody tr");
  await expect(problems).toHaveCount(3);
  await expect(problems.nth(0)).toContainText("Thiếu họ và tên.");
  await expect(problems.nth(1)).toContainText("Lê Văn Sai");
  await expect(problems.nth(1)).toContainText("Số điện thoại không hợp lệ");
  await expect(problems.nth(2)).toContainText("Không tìm thấy đơn vị này trong tỉnh (kể cả xã, huyện cũ).");
  await expect(page.getByRole("button", { name: /Xác nhận nhập/ })).toHaveCount(0);

  await page.getByLabel("Tệp danh sách").setInputFiles({
    name: "lop-210.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await rosterXlsx(210),
  });
  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByRole("status").filter({ hasText: "210 dòng" })).toContainText(
    "210 hợp lệ (210 tài khoản mới, 0 tài khoản đã có), 0 dòng có lỗi (0 lỗi)",
  );
  await page.getByRole("button", { name: "Xác nhận nhập 210 học viên" }).click();
  await expect(page.getByText("Đã nhập 210 học viên (210 tài khoản mới).")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Mã kích hoạt tài khoản mới" })).toBeVisible();
  await expect(page.locator("table code")).toHaveCount(210);
});

test("trainer opens a session, a learner checks in with the displayed code, trainer marks the rest", async ({ page, browser }) => {
  test.slow(); // 400+ rows on a shared machine
  await login(page, "trainer");
  await page.goto(`${courseUrl}/diem-danh`);
  const start = vnClock(-5);
  const end = vnClock(120);
  await page.getByLabel("Tên buổi / chuyên đề").fill("Buổi thực hành điểm danh");
  await page.getByLabel("Ngày (dd/mm/yyyy)").fill(start.date);
  await page.getByLabel("Giờ bắt đầu", { exact: true }).fill(start.time);
  await page.getByLabel("Giờ kết thúc", { exact: true }).fill(end.time);
  await page.getByLabel("Địa điểm", { exact: true }).fill("Hội trường tầng 3");
  await page.getByRole("button", { name: "Thêm buổi học" }).click();
  await expect(page.getByText("Đã thêm buổi học.")).toBeVisible();
  const item = page.locator(".att-sessions li", { hasText: "Buổi thực hành điểm danh" });
  await item.getByRole("link", { name: "Màn hình điểm danh" }).click();

  const code = (await page.getByTestId("checkin-code").textContent())!.trim();
  expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
  await expect(page.getByTestId("checkin-count")).toContainText("Đã điểm danh: 0/");
  await expect(page.locator(".att-display__qr svg")).toBeVisible();
  const displayUrl = page.url();

  const learnerContext = await browser.newContext();
  const phone = await learnerContext.newPage();
  await login(phone, { identifier: "0913000007" });
  await phone.goto("/diem-danh");
  await phone.getByLabel("Mã điểm danh").fill("ZZZZZZ");
  await phone.getByRole("button", { name: "Điểm danh" }).click();
  await expect(phone.getByText(/Mã không đúng hoặc đã hết hạn/)).toBeVisible();
  await phone.getByLabel("Mã điểm danh").fill(code.toLowerCase());
  await phone.getByRole("button", { name: "Điểm danh" }).click();
  await expect(phone.getByText(/^Đã điểm danh buổi “Buổi thực hành điểm danh”: (Có mặt|Đi muộn)/)).toBeVisible();
  // checked in: the form is gone, so nobody taps "Điểm danh" again
  await expect(phone.getByLabel("Mã điểm danh")).toHaveCount(0);
  await expect(phone.getByRole("button", { name: "Điểm danh" })).toHaveCount(0);
  await learnerContext.close();

  await expect(page.getByTestId("checkin-count")).toContainText("Đã điểm danh: 1/", { timeout: 10_000 });

  await page.goto(displayUrl.replace(/\/trinh-chieu$/, ""));
  await expect(page.locator("tr", { hasText: "0913000007" })).toContainText("Tự điểm danh");
  page.once("dialog", (d) => void d.accept()); // the count is confirmed first
  await page.getByRole("button", { name: "Đánh dấu có mặt cho tất cả người chưa điểm danh" }).click();
  await expect(page.getByText(/Đã đánh dấu có mặt cho \d+ học viên\./)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("status").first()).toContainText("Chưa điểm danh 0", { timeout: 30_000 }); // the page's figures reloaded

  for (const [who, status] of [
    ["0913000005", "Vắng"],
    ["0914000003", "Vắng có phép"],
  ] as const) {
    await page.getByLabel("Tìm học viên").fill(who);
    await page.getByRole("button", { name: "Lọc" }).click();
    await expect(page.getByText("Đang hiện 1/")).toBeVisible({ timeout: 30_000 }); // 400+ rows re-render first
    const row = page.locator("tbody tr", { hasText: who });
    await row.getByLabel(status, { exact: true }).check();
    await row.getByRole("textbox").fill(status === "Vắng" ? "Không báo trước" : "Ốm, có giấy");
    await page.getByRole("button", { name: "Lưu điểm danh" }).first().click();
    await expect(page.getByText("Đã lưu điểm danh: 1 thay đổi.")).toBeVisible();
    await expect(page.locator("tbody tr", { hasText: who }).getByLabel(status, { exact: true })).toBeChecked();
    await expect(page.locator("tbody tr", { hasText: who })).toContainText("Lê Văn Thành");
  }
  // search without diacritics finds the imported learner by name
  await page.getByLabel("Tìm học viên").fill("hoc vien nhap so 42");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page.locator("tbody tr", { hasText: "Học Viên Nhập Số 42" })).toBeVisible();
  await expect(page.getByRole("status").first()).toContainText("Vắng có phép 1 · Vắng 1 · Chưa điểm danh 0");
});

test("the report shows the figures and both exports download", async ({ page }) => {
  await login(page, "trainer");
  await page.goto(`${courseUrl}/bao-cao`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Báo cáo chuyên cần");
  await page.waitForLoadState("networkidle");
  const bySession = page.getByRole("table", { name: "Theo buổi học" });
  await expect(bySession.locator("tbody tr", { hasText: "Buổi thực hành điểm danh" })).toBeVisible();

  const card = page.locator(".card", { has: page.getByRole("heading", { name: "Theo học viên" }) });
  const [csv] = await Promise.all([page.waitForEvent("download"), card.getByRole("link", { name: "Tải CSV" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^diem-danh-hoc-vien-lop-\d+\.csv$/);
  const fs = await import("node:fs/promises");
  const text = await fs.readFile((await csv.path())!, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('"Họ và tên","Số điện thoại","Đơn vị"');
  expect(text).toContain("\r\n");

  const [xlsx] = await Promise.all([page.waitForEvent("download"), card.getByRole("link", { name: "Tải Excel" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await xlsx.path())!);
  expect(wb.worksheets[0].getRow(1).getCell(1).value).toBe("Họ và tên");
  expect(wb.worksheets[0].rowCount).toBeGreaterThan(400);
});

test("the marking page works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, "trainer");
  await page.goto(`${courseUrl}/diem-danh`);
  await page.locator(".att-sessions li", { hasText: "Buổi thực hành điểm danh" }).getByRole("link", { name: "Điểm danh", exact: true }).click();
  await page.getByLabel("Tìm học viên").fill("0913000009");
  await page.getByRole("button", { name: "Lọc" }).click();
  const row = page.locator("tbody tr", { hasText: "0913000009" });
  await row.getByLabel("Đi muộn", { exact: true }).check();
  await page.getByRole("button", { name: "Lưu điểm danh" }).first().click();
  await expect(page.getByText("Đã lưu điểm danh: 1 thay đổi.")).toBeVisible();
  await context.close();
});

test("on a 390 px phone the marking radios are tap targets of 44 px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, "trainer");
  await page.goto(`${courseUrl}/diem-danh`);
  await page.locator(".att-sessions li", { hasText: "Buổi thực hành điểm danh" }).getByRole("link", { name: "Điểm danh", exact: true }).click();
  await page.getByLabel("Tìm học viên").fill("0913000009");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page.getByText("Đang hiện 1/")).toBeVisible({ timeout: 30_000 });
  const label = page.locator("tbody tr", { hasText: "0913000009" }).locator(".att-radios label").first();
  expect((await label.boundingBox())!.height).toBeGreaterThanOrEqual(44); // was 32 px (the radio itself 13 px)
});

test("marking the rest keeps every mark already chosen, saved or not, and asks first (issue 14.3)", async ({ page }) => {
  test.slow(); // 400+ rows on a shared machine
  await login(page, "trainer");
  await page.goto(`${courseUrl}/diem-danh`);
  await page.locator(".att-sessions li", { hasText: "Chuyên đề 3" }).getByRole("link", { name: "Điểm danh", exact: true }).click();
  const total = Number((await page.getByRole("status").first().textContent())!.match(/Tổng: (\d+)/)![1]);
  const row = (phone: string) => page.locator("tbody tr", { hasText: phone });
  // three unsaved marks: excused with a note, late, absent
  await row("0913000011").getByLabel("Vắng có phép", { exact: true }).check();
  await row("0913000011").getByRole("textbox").fill("Ốm, có giấy");
  await row("0913000012").getByLabel("Đi muộn", { exact: true }).check();
  await row("0913000013").getByLabel("Vắng", { exact: true }).check();
  let asked = "";
  page.once("dialog", (d) => {
    asked = d.message();
    void d.accept();
  });
  await page.getByRole("button", { name: "Đánh dấu có mặt cho tất cả người chưa điểm danh" }).click();
  await expect(page.getByText(`Đã đánh dấu có mặt cho ${total - 3} học viên.`)).toBeVisible({ timeout: 30_000 });
  expect(asked).toContain(`${total - 3} học viên`);
  // the unsaved choices are still on the page, then saved as chosen
  await expect(row("0913000011").getByLabel("Vắng có phép", { exact: true })).toBeChecked();
  await expect(row("0913000011").getByRole("textbox")).toHaveValue("Ốm, có giấy");
  await expect(row("0913000012").getByLabel("Đi muộn", { exact: true })).toBeChecked();
  await expect(row("0913000013").getByLabel("Vắng", { exact: true })).toBeChecked();
  await page.getByRole("button", { name: "Lưu điểm danh" }).first().click();
  await expect(page.getByText("Đã lưu điểm danh: 3 thay đổi.")).toBeVisible();
  await expect(page.getByRole("status").first()).toContainText(`Có mặt ${total - 3} · Đi muộn 1 · Vắng có phép 1 · Vắng 1 · Chưa điểm danh 0`);
  await expect(row("0913000011").getByRole("textbox")).toHaveValue("Ốm, có giấy");
});

test("without JavaScript, marking the rest absent asks on a page of its own and spares saved marks", async ({ browser }) => {
  test.slow(); // 400+ rows on a shared machine
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, "trainer");
  await page.goto(`${courseUrl}/diem-danh`);
  await page.locator(".att-sessions li", { hasText: "Chuyên đề 4" }).getByRole("link", { name: "Điểm danh", exact: true }).click();
  const total = Number((await page.getByRole("status").first().textContent())!.match(/Tổng: (\d+)/)![1]);
  const row = page.locator("tbody tr", { hasText: "0913000021" });
  await row.getByLabel("Vắng có phép", { exact: true }).check();
  await row.getByRole("textbox").fill("Đi công tác");
  await page.getByRole("button", { name: "Lưu điểm danh" }).first().click();
  await expect(page.getByText("Đã lưu điểm danh: 1 thay đổi.")).toBeVisible();
  await page.getByRole("button", { name: "Đánh dấu vắng cho tất cả người chưa điểm danh" }).click();
  await expect(page.getByText(`Đánh dấu vắng cho ${total - 1} học viên chưa điểm danh?`)).toBeVisible();
  await expect(page.getByRole("status").first()).toContainText("Chưa điểm danh " + (total - 1)); // nothing written yet
  await page.getByRole("button", { name: "Xác nhận" }).click();
  await expect(page.getByText(`Đã đánh dấu vắng cho ${total - 1} học viên.`)).toBeVisible();
  await expect(page.getByRole("status").first()).toContainText(`Vắng có phép 1 · Vắng ${total - 1} · Chưa điểm danh 0`);
  await expect(page.locator("tbody tr", { hasText: "0913000021" }).getByRole("textbox")).toHaveValue("Đi công tác");
  await context.close();
});

test("with JavaScript the 'add one learner' form starts empty after the learner is added", async ({ page }) => {
  await login(page, "trainer");
  await page.getByRole("link", { name: "Điểm danh, danh sách, báo cáo" }).click();
  await expect(page).toHaveURL(/\/diem-danh$/);
  const courseUrl = new URL(page.url()).pathname.replace(/\/diem-danh$/, "");
  await page.goto(`${courseUrl}/hoc-vien`);
  const name = page.getByLabel("Họ và tên");
  await name.fill("Trần Văn Thêm Một");
  await page.getByLabel("Số điện thoại").fill("0915123987");
  await page.getByLabel("Đơn vị", { exact: true }).fill("Xã Thiên Lộc");
  await page.getByRole("button", { name: "Thêm một học viên" }).click();
  await expect(page.getByText(/Đã (tạo tài khoản và )?thêm vào lớp|Đã thêm học viên vào lớp/)).toBeVisible();
  await expect(name).toHaveValue("");
  await expect(page.getByLabel("Số điện thoại")).toHaveValue("");
});
