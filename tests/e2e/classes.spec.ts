import crypto from "node:crypto";
import fs from "node:fs";
import { type Browser, type Page } from "@playwright/test";
import { E2E_DATABASE_URL, retriedWhileLocked, withE2eDb } from "./e2e-db";
import { expect, test } from "./fixtures";
import { account, login, logout } from "./helpers";

/**
 * A class from its creation to next year's copy (issue 17). The admin and the trainer work with JavaScript off
 * (every form posts and answers with a page): the admin creates a class and assigns the trainer; the trainer adds a
 * session, a Markdown lesson and a PDF, and imports a roster; a learner who is not on the roster joins with the
 * enrolment code, reads the lesson and downloads the PDF; the demo learner, of another class, gets 404 for the
 * file; the admin copies the class for next year. Everything made here is removed afterwards.
 */
const RUN = String(Date.now()).slice(-6);
const CODE = `HT-E2E-${RUN}-2027`;
const COPY = `HT-E2E-${RUN}-2028`;
const TITLE = `Lớp tập huấn OCOP cụm xã Can Lộc ${RUN}`;
const LESSON = "Lịch tập huấn và hạn nộp phương án";
const PDF = Buffer.from(`%PDF-1.4\n% tai lieu lop e2e ${RUN}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const ROSTER_PHONES = [`09193${RUN.slice(-5)}`, `09194${RUN.slice(-5)}`];
const JOINER_PHONE = `09195${RUN.slice(-5)}`;
// the modules' selects on the class form, by title; the class teaches three of the four, in its own order
const MODULE_PLACES = {
  "Kiến thức chung về Chương trình OCOP": "2",
  "Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP": "1",
  "Một số chính sách hỗ trợ Chương trình OCOP": "",
  "Phương án sản xuất kinh doanh": "3",
};

/** A learner of the province who is on no roster (the demo password), written straight into the e2e database. */
function makeJoiner() {
  return withE2eDb(async (db) => {
    const demo = await db.user.findUniqueOrThrow({ where: { email: account("learner").email }, select: { passwordHash: true, unitId: true } });
    const unitId = demo.unitId ?? Number.NaN; // the seed's learner has a commune
    await db.user.create({
      data: {
        fullName: "Học Viên Tự Ghi Danh",
        phone: JOINER_PHONE,
        passwordHash: demo.passwordHash,
        unitId,
        searchName: "hoc vien tu ghi danh",
        roles: { create: { role: "learner", unitId } },
      },
    });
  });
}

test.beforeAll(makeJoiner);

// The e2e database is shared by every spec: the classes go through the app's own delete (their rows and their
// attachment files), then the people this spec made.
test.afterAll(async () => {
  process.env.DATABASE_URL = E2E_DATABASE_URL;
  process.env.ATTACHMENTS_DIR = "tests/.tmp/attachments"; // as scripts/e2e-server.sh gives the server
  const { db } = await import("../../app/db/db.server");
  const { deleteClass } = await import("../../app/courses/manage.server");
  const stored = `tests/.tmp/attachments/${crypto.createHash("sha256").update(PDF).digest("hex")}`;
  const uploaded = fs.existsSync(stored);
  try {
    for (const course of await db().course.findMany({ where: { code: { in: [CODE, COPY] } }, select: { id: true } }))
      await retriedWhileLocked(() => deleteClass(course.id));
    await db().user.deleteMany({ where: { phone: { in: [...ROSTER_PHONES, JOINER_PHONE] } } });
    // the PDF (stored by its checksum next to the database) goes with its class
    if (uploaded) expect(fs.existsSync(stored), "the class's PDF is still on disk").toBe(false);
  } finally {
    await db().$disconnect();
  }
});

async function withoutJavaScript(browser: Browser, role: "admin" | "trainer"): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, role);
  return page;
}

test("a class from creation to next year's copy: trainer, materials, roster, a learner who joins by code", async ({ page, browser }) => {
  test.slow(); // four people and a dozen forms on a shared machine
  const trainer = account("trainer");
  let classUrl = "";
  let enrolmentCode = "";
  let fileUrl = "";
  let lessonUrl = "";

  await test.step("the admin creates the class and assigns the trainer", async () => {
    const admin = await withoutJavaScript(browser, "admin");
    await admin.goto("/khoa-hoc");
    await admin.getByRole("link", { name: "Tạo lớp mới" }).click();
    await expect(admin).toHaveURL(/\/khoa-hoc\/moi$/);
    // a bad date first: the message stands at the field, what was typed is kept, nothing is created
    await admin.getByLabel("Tên lớp").fill(TITLE);
    await admin.getByLabel("Mã lớp").fill(CODE);
    await admin.getByLabel("Ngày bắt đầu").fill("2027-03-05");
    await admin.getByLabel("Ngày kết thúc").fill("2027-03-01");
    await admin.getByLabel("Địa điểm").fill("Hội trường UBND xã Thiên Lộc");
    await admin.getByLabel("Số học viên tối đa").fill("60");
    for (const [module, place] of Object.entries(MODULE_PLACES)) await admin.getByLabel(module).selectOption(place);
    await admin.getByRole("button", { name: "Tạo lớp" }).click();
    await expect(admin.getByText("Ngày kết thúc không được trước ngày bắt đầu.")).toBeVisible();
    await expect(admin.getByLabel("Tên lớp")).toHaveValue(TITLE);

    await admin.getByLabel("Ngày kết thúc").fill("2027-03-06");
    await admin.getByRole("button", { name: "Tạo lớp" }).click();
    await expect(admin).toHaveURL(/\/khoa-hoc\/\d+\/cai-dat$/);
    await expect(admin.getByRole("heading", { name: `Cài đặt lớp: ${TITLE}` })).toBeVisible();
    await expect(admin.getByText("Lớp chưa có giảng viên.")).toBeVisible();
    classUrl = new URL(admin.url()).pathname.replace(/\/cai-dat$/, "");

    await admin.getByLabel("Tìm người để phân công giảng dạy").fill("le van thanh");
    await admin.getByRole("button", { name: "Tìm", exact: true }).click();
    await admin.getByRole("button", { name: `Phân công ${trainer.fullName} giảng dạy lớp này` }).click();
    await expect(admin.getByText("Đã phân công giảng viên.")).toBeVisible();
    await expect(admin.getByRole("button", { name: `Bỏ phân công ${trainer.fullName}` })).toBeVisible();
    enrolmentCode = /Mã ghi danh đang mở: (\S+)/.exec((await admin.getByText("Mã ghi danh đang mở:").textContent())!)![1];
    await admin.context().close();
  });

  await test.step("the trainer adds a session, a Markdown lesson and a PDF, and imports a roster", async () => {
    const tr = await withoutJavaScript(browser, "trainer");
    await tr.goto("/khoa-hoc");
    await tr.getByRole("link", { name: TITLE }).click();
    await expect(tr).toHaveURL(new RegExp(`${classUrl}$`));

    await tr.goto(`${classUrl}/diem-danh`);
    await tr.getByLabel("Tên buổi / chuyên đề").fill("Chuyên đề 1: Kiến thức chung");
    await tr.getByLabel("Ngày (dd/mm/yyyy)").fill("2027-03-05");
    await tr.getByLabel("Giờ bắt đầu", { exact: true }).fill("08:00");
    await tr.getByLabel("Giờ kết thúc", { exact: true }).fill("11:00");
    await tr.getByLabel("Địa điểm", { exact: true }).fill("Hội trường UBND xã Thiên Lộc");
    await tr.getByRole("button", { name: "Thêm buổi học" }).click();
    await expect(tr.getByText("Đã thêm buổi học.")).toBeVisible();

    await tr.goto(classUrl);
    await tr.getByRole("link", { name: "Tài liệu của lớp" }).click();
    await tr.getByRole("link", { name: "Thêm bài học" }).click();
    // a bad first try: the message stands at the field and the text is kept
    await tr.getByLabel("Nội dung (Markdown)").fill("Chưa có tiêu đề");
    await tr.getByRole("button", { name: "Lưu bài học" }).click();
    await expect(tr.getByText("Nhập tiêu đề bài học.")).toBeVisible();
    await expect(tr.getByLabel("Nội dung (Markdown)")).toHaveValue("Chưa có tiêu đề");
    await tr.getByLabel("Tiêu đề").fill(LESSON);
    await tr
      .getByLabel("Nội dung (Markdown)")
      .fill(":::warning[Hạn nộp phương án]\nNộp phương án trong **5 ngày** kể từ buổi học.\n:::\n\nMang theo <script>alert(1)</script> giấy tờ.");
    await tr.getByLabel("Nguồn (mỗi dòng một văn bản)").fill("UBND tỉnh Hà Tĩnh | 3292/QĐ-UBND | 01/11/2018 | Phê duyệt Đề án Mỗi xã một sản phẩm");
    await tr.getByRole("button", { name: "Lưu bài học" }).click();
    await expect(tr.getByRole("heading", { level: 1 })).toHaveText(LESSON);
    lessonUrl = new URL(tr.url()).pathname;

    await tr.getByRole("link", { name: "Tài liệu của lớp" }).click();
    await tr.getByLabel("Tệp", { exact: true }).setInputFiles({ name: "Quyết định 3292.pdf", mimeType: "application/pdf", buffer: PDF });
    await tr.getByRole("button", { name: "Tải lên" }).click();
    await expect(tr.getByRole("status")).toContainText("Đã tải lên Quyết định 3292.pdf.");
    fileUrl = (await tr.getByRole("link", { name: "Quyết định 3292.pdf" }).getAttribute("href"))!;
    expect(fileUrl).toMatch(new RegExp(`^${classUrl}/tai-lieu/tep/\\d+$`));

    await tr.goto(`${classUrl}/nhap-danh-sach`);
    const roster = ["Họ và tên,Số điện thoại,Đơn vị", `Trần Văn Nhập,${ROSTER_PHONES[0]},Xã Thiên Lộc`, `Lê Thị Danh,${ROSTER_PHONES[1]},Xã Thiên Lộc`].join(
      "\r\n",
    );
    await tr.getByLabel("Tệp danh sách").setInputFiles({ name: "danh-sach.csv", mimeType: "text/csv", buffer: Buffer.from(roster) });
    await tr.getByRole("button", { name: "Xem trước" }).click();
    await expect(tr.getByRole("status").filter({ hasText: "2 dòng" })).toContainText("2 hợp lệ (2 tài khoản mới, 0 tài khoản đã có)");
    await tr.getByRole("button", { name: "Xác nhận nhập 2 học viên" }).click();
    await expect(tr.getByText("Đã nhập 2 học viên (2 tài khoản mới).")).toBeVisible();
    await tr.context().close();
  });

  await test.step("a learner not on the roster joins with the code, reads the lesson and downloads the PDF", async () => {
    await login(page, { identifier: JOINER_PHONE });
    await page.goto("/khoa-hoc/tham-gia");
    await page.getByLabel("Mã ghi danh").fill(enrolmentCode.toLowerCase());
    await page.getByRole("button", { name: "Tham gia lớp" }).click();
    await expect(page).toHaveURL(new RegExp(`${classUrl}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);

    await page.getByRole("link", { name: "Tài liệu của lớp" }).click();
    await expect(page.getByRole("button", { name: "Tải lên" })).toHaveCount(0);
    await page.getByRole("link", { name: LESSON }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(LESSON);
    await expect(page.locator(".callout--warning")).toContainText("Hạn nộp phương án");
    await expect(page.locator(".lesson__body strong")).toHaveText("5 ngày");
    await expect(page.locator(".lesson__body")).toContainText("Mang theo <script>alert(1)</script> giấy tờ.");
    await expect(page.locator(".lesson__sources")).toContainText("UBND tỉnh Hà Tĩnh, 3292/QĐ-UBND ngày 01/11/2018: Phê duyệt Đề án Mỗi xã một sản phẩm");

    await page.getByRole("link", { name: "Tài liệu của lớp" }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Quyết định 3292.pdf" }).click()]);
    expect(download.suggestedFilename()).toBe("Quyết định 3292.pdf");
    const file = await page.request.get(fileUrl);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe("application/pdf");
    expect(file.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect((await file.body()).equals(PDF)).toBe(true);
    await logout(page);
  });

  await test.step("a learner of another class gets 404 for the file and the lesson", async () => {
    await login(page, "learner");
    const file = await page.request.get(fileUrl);
    expect(file.status()).toBe(404);
    expect(file.headers()["content-disposition"]).toBeUndefined();
    expect((await page.request.get(lessonUrl)).status()).toBe(404);
    await logout(page);
  });

  await test.step("the admin copies the class for next year: modules, trainer, sessions moved, no learners", async () => {
    const admin = await withoutJavaScript(browser, "admin");
    await admin.goto(`${classUrl}/cai-dat`);
    await expect(admin.getByRole("link", { name: "3 học viên" })).toBeVisible();
    await admin.getByLabel("Ngày bắt đầu của lớp mới").fill("2028-03-06");
    await admin.getByLabel("Mã lớp mới").fill(COPY);
    await admin.getByRole("button", { name: "Sao chép" }).click();
    await expect(admin).toHaveURL(/\/khoa-hoc\/\d+\/cai-dat$/);
    const copyUrl = new URL(admin.url()).pathname.replace(/\/cai-dat$/, "");
    expect(copyUrl).not.toBe(classUrl);
    await expect(admin.getByLabel("Mã lớp", { exact: true })).toHaveValue(COPY);
    await expect(admin.getByLabel("Ngày bắt đầu", { exact: true })).toHaveValue("2028-03-06");
    for (const [module, place] of Object.entries(MODULE_PLACES)) await expect(admin.getByLabel(module)).toHaveValue(place);
    await expect(admin.getByRole("button", { name: `Bỏ phân công ${trainer.fullName}` })).toBeVisible();
    await expect(admin.getByRole("link", { name: "0 học viên" })).toBeVisible();

    await admin.goto(`${copyUrl}/diem-danh`);
    await expect(admin.locator(".att-sessions li", { hasText: "Chuyên đề 1: Kiến thức chung" })).toContainText("06/03/2028");

    // both runs are in the admin's list, and the year filter tells them apart
    await admin.goto("/khoa-hoc?nam=2028");
    await expect(admin.getByText(COPY)).toBeVisible();
    await expect(admin.getByText(CODE)).toHaveCount(0);
    await admin.context().close();
  });
});
