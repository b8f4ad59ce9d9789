import { expect, test } from "./fixtures";
import { login } from "./helpers";

/** Values for the required fields of each step, by (partial) label. */
const STEP_VALUES: Record<number, Record<string, string>> = {
  1: {
    "Người đại diện theo pháp luật": "Phạm Thị Lan",
    "Chức vụ": "Giám đốc HTX",
    "Điện thoại": "0912000004",
    "Mã số đăng ký kinh doanh": "2801234567",
    "Năm thành lập": "2017",
    "Ngành nghề chính": "Chế biến chè",
    "Số thành viên": "12",
  },
  2: {
    "Sơ đồ tổ chức": "Giám đốc, kế toán, tổ sản xuất",
    "Tổng số lao động": "8",
    "Số lao động là người địa phương": "8",
    "Kế toán và việc ghi chép": "Kế toán kiêm nhiệm",
    "Sự tham gia của cộng đồng": "12 hộ trồng chè góp vốn",
  },
  4: {
    "Nguyên liệu chính": "Búp chè tươi",
    "Vùng nguyên liệu": "15 ha chè của xã",
    "Hình thức liên kết": "Hợp đồng thu mua",
    "Kiểm soát chất lượng đầu vào": "Kiểm tra từng lô",
  },
  5: { "Khách hàng mục tiêu": "Khách mua quà", "Kênh bán và sản lượng": "Cửa hàng đặc sản 3.000 gói", "Đối thủ cạnh tranh": "Chè Thái Nguyên" },
  6: {
    "Sản phẩm: quy cách": "Gói 200 g",
    "Giá bán lẻ": "60.000 đ/gói",
    "Phân phối": "Đại lý trong tỉnh",
    "Xúc tiến": "Hội chợ OCOP",
    "Ngân sách marketing": "20 triệu",
  },
  7: {
    "Quy trình sản xuất": "Hái → héo → vò → sao → đóng gói",
    "Điểm kiểm soát chất lượng": "Độ ẩm sau sao",
    "Nhà xưởng, thiết bị": "Xưởng 60 m²",
    "Công suất thực tế": "5.000",
    "Xử lý chất thải": "Ủ phân",
  },
  10: { "Rủi ro (dòng 1)": "Sâu bệnh", "Giải pháp (dòng 1)": "Phòng trừ sinh học", "Rủi ro (dòng 2)": "Giá giảm", "Giải pháp (dòng 2)": "Mở kênh mới" },
  11: {
    "Nội dung (dòng 1)": "Hỗ trợ bao bì",
    "Số tiền đề nghị (đồng) (dòng 1)": "20 triệu",
    "Căn cứ (văn bản, điều khoản) (dòng 1)": "Nghị quyết HĐND tỉnh",
    "Kết quả cam kết": "Có bao bì mới",
  },
};

const SELECTS: Record<number, Record<string, string>> = {
  10: { "Khả năng xảy ra (dòng 1)": "CAO", "Mức ảnh hưởng (dòng 1)": "TRUNG_BINH", "Khả năng xảy ra (dòng 2)": "THAP", "Mức ảnh hưởng (dòng 2)": "CAO" },
};

async function fill(page: import("@playwright/test").Page, step: number) {
  for (const [label, value] of Object.entries(STEP_VALUES[step] ?? {})) await page.getByLabel(label).first().fill(value);
  for (const [label, value] of Object.entries(SELECTS[step] ?? {})) await page.getByLabel(label).first().selectOption(value);
}

test("a producer builds a complete business plan step by step", async ({ page, browser }) => {
  test.slow(); // twelve steps, with and without JavaScript, on a shared machine
  await login(page, "producer");
  await page.getByRole("link", { name: "Phương án SXKD" }).click();
  // First the short idea registration (what the statistics count), then the plan built from it.
  await page.getByLabel("Tên ý tưởng sản phẩm").fill("Chè xanh Sơn Kim");
  await page.getByLabel("Nhóm sản phẩm OCOP").selectOption("DO_UONG");
  await page.getByRole("button", { name: "Đăng ký ý tưởng" }).click();
  await expect(page.getByText("Đã đăng ký ý tưởng “Chè xanh Sơn Kim”.")).toBeVisible();
  await page
    .getByTestId("ideas")
    .getByRole("row", { name: /Chè xanh Sơn Kim/ })
    .getByRole("button", { name: "Lập phương án mới" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Thông tin chủ thể" })).toBeVisible();
  const planUrl = page.url().replace(/\/buoc\/1$/, "");
  // the phone field opens the phone keypad
  await expect(page.getByLabel("Điện thoại *")).toHaveAttribute("type", "tel");
  await expect(page.getByLabel("Điện thoại *")).toHaveAttribute("inputmode", "tel");

  // Steps 1–2 and 4–7, 10–11 by explicit save (with JavaScript).
  for (const step of [1, 2, 4, 5, 6, 7, 10, 11]) {
    await page.goto(`${planUrl}/buoc/${step}`);
    await fill(page, step);
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(page.getByText("Đã lưu. Bước này đã đầy đủ.")).toBeVisible();
  }

  // Step 3 autosaves while typing: "Đã lưu lúc hh:mm".
  await page.goto(`${planUrl}/buoc/3`);
  // started from the idea
  await expect(page.getByLabel("Tên thương mại của sản phẩm")).toHaveValue("Chè xanh Sơn Kim");
  await expect(page.getByLabel("Nhóm sản phẩm OCOP")).toHaveValue("DO_UONG");
  await page.getByLabel("Tên thương mại của sản phẩm").fill("Chè xanh Sơn Kim 200 g");
  await page.getByLabel("Nhóm sản phẩm OCOP").selectOption("THUC_PHAM");
  await page.getByLabel("Quy cách, thành phần").fill("Gói 200 g, chè búp sao khô");
  await page.getByLabel("Câu chuyện sản phẩm").fill("Vùng chè trên núi Sơn Kim");
  await page.getByLabel("Tiêu chuẩn, chứng nhận hiện có").fill("Đã tự công bố sản phẩm");
  await expect(page.getByTestId("save-status")).toHaveText(/Đã lưu lúc \d{2}:\d{2}/);

  // Leave and come back: the autosaved draft is intact.
  await page.goto(planUrl);
  await page.goto(`${planUrl}/buoc/3`);
  await expect(page.getByLabel("Câu chuyện sản phẩm")).toHaveValue("Vùng chè trên núi Sơn Kim");
  await expect(page.getByLabel("Nhóm sản phẩm OCOP")).toHaveValue("THUC_PHAM");

  // Step 8 with JavaScript disabled: a plain form post saves it.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto("/dang-nhap");
  await plain.getByLabel("Email hoặc số điện thoại").fill("chuthe@ocop-demo.vn");
  await plain.getByLabel("Mật khẩu").fill("OcopDemo@2026");
  await plain.getByRole("button", { name: "Đăng nhập" }).click();
  await plain.goto(`${planUrl}/buoc/8`);
  await plain.getByLabel("Hạng mục (dòng 1)").fill("Máy sao chè");
  await plain.getByLabel("Thành tiền (đồng) (dòng 1)").fill("100.000.000");
  await plain.getByLabel("Vốn tự có").fill("60 triệu");
  await plain.getByLabel("Vốn vay").fill("40000000");
  await plain.getByLabel("Vốn hỗ trợ").fill("0");
  await plain.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(plain.getByText("Đã lưu. Bước này đã đầy đủ.")).toBeVisible();
  await expect(plain.getByTestId("investment-total")).toHaveText("100.000.000 ₫");
  await noJs.close();

  // Step 9: a validation error at the field, fixed; live totals computed.
  await page.goto(`${planUrl}/buoc/9`);
  await page.getByLabel("Số năm của phương án").selectOption("3");
  await page.getByLabel("Thuế suất thu nhập").fill("20");
  await page.getByLabel("Khấu hao mỗi năm").fill("20 triệu");
  await page.getByLabel("Sản phẩm (dòng 1)").fill("Chè xanh 200 g");
  await page.getByLabel("Đơn vị tính (dòng 1)").fill("gói");
  await page.getByLabel("Giá bán bình quân (đồng) (dòng 1)").fill("sáu mươi nghìn");
  await page.getByLabel("Chi phí biến đổi/đơn vị (đồng) (dòng 1)").fill("35.000");
  for (const y of [1, 2, 3]) await page.getByLabel(`Sản lượng năm ${y} (dòng 1)`).fill("4000");
  await page.getByLabel("Khoản chi phí (dòng 1)").fill("Lương, điện nước");
  await page.getByLabel("Số tiền mỗi năm (đồng) (dòng 1)").fill("30 triệu");
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByText(/Số tiền không hợp lệ/).first()).toBeVisible();
  await page.getByLabel("Giá bán bình quân (đồng) (dòng 1)").fill("60.000");
  // live: revenue 4.000 × 60.000 = 240.000.000 ₫; fixed 30 + 20 = 50 triệu → break-even 2.000 gói
  const table = page.getByTestId("financial-table");
  await expect(table).toContainText("240.000.000 ₫");
  await expect(table).toContainText("2.000");
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByText("Đã lưu. Bước này đã đầy đủ.")).toBeVisible();
  // PBT = 240 − 140 − 50 = 50 triệu; PAT 40 triệu; payback 100 / (40 + 20) ≈ 1,7 năm
  await expect(table).toContainText("40.000.000 ₫");
  await expect(page.getByTestId("payback")).toHaveText("1,7 năm");

  // Step 12: the self-assessment total and star band.
  await page.goto(`${planUrl}/buoc/12`);
  await page.getByLabel("Phần A").fill("30");
  await page.getByLabel("Phần B").fill("18,5");
  await page.getByLabel("Phần C").fill("25");
  await page.getByLabel("Việc cần làm để nâng hạng").fill("Đăng ký nhãn hiệu");
  await expect(page.getByTestId("assessment-total")).toContainText("73,5/100");
  await expect(page.getByTestId("assessment-total")).toContainText("Hạng: 4 sao");
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByText("Đã lưu. Bước này đã đầy đủ.")).toBeVisible();

  // The checklist shows all 12 steps complete; the print view has every section.
  await page.goto(planUrl);
  await expect(page.getByText("12/12 bước hoàn thành").first()).toBeVisible();
  await page.getByRole("link", { name: "Bản in (A4)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "PHƯƠNG ÁN SẢN XUẤT KINH DOANH" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toHaveCount(12);
  await expect(page.getByText("Chè xanh Sơn Kim 200 g")).toBeVisible();
  await expect(page.getByTestId("payback")).toHaveText("1,7 năm");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
});

test("a stale autosave shows the other change instead of overwriting it", async ({ page, browser }) => {
  await login(page, "producer");
  await page.getByRole("link", { name: "Phương án SXKD" }).click();
  // the plan of the first test (the seeded one goes through appraisal in appraisal.spec.ts)
  await page.getByRole("link", { name: "Chè xanh Sơn Kim" }).click();
  await page
    .getByRole("link", { name: /Rủi ro và giải pháp/ })
    .first()
    .click();
  const other = await browser.newContext();
  const tab2 = await other.newPage();
  await login(tab2, "producer");
  await tab2.goto(page.url());
  await tab2.getByLabel("Kịch bản xấu đã tính thử").fill("Sửa ở máy thứ hai");
  await tab2.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(tab2.getByText("Đã lưu. Bước này đã đầy đủ.")).toBeVisible();
  await other.close();
  await page.getByLabel("Kịch bản xấu đã tính thử").fill("Sửa ở máy thứ nhất");
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByText(/vừa được Phạm Thị Lan lưu lúc/)).toBeVisible();
  await expect(page.getByText("Sửa ở máy thứ hai")).toBeVisible();
});
