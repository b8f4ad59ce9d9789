import fs from "node:fs";
import Database from "better-sqlite3";
import { expect, test } from "./fixtures";
import { login, logout } from "./helpers";

/**
 * A class's own materials, with JavaScript off (phones on a saturated hall network): the trainer
 * writes a local lesson and uploads a PDF; a learner of the class reads the lesson and downloads the
 * PDF byte for byte; a learner of another class gets 404 for the same file. The other class and its
 * learner are written straight into the e2e database (creating classes is the classes spec's journey)
 * and removed afterwards.
 */
test.use({ javaScriptEnabled: false });
test.describe.configure({ mode: "serial" });

const PDF = Buffer.from(`%PDF-1.4\n% tai lieu lop e2e ${Date.now()}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const OTHER_PHONE = "0919555001";

function demoCourseId(): number {
  const db = new Database("tests/.tmp/e2e.db", { readonly: true });
  try {
    return (db.prepare('SELECT id FROM "Course" ORDER BY id LIMIT 1').get() as { id: number }).id;
  } finally {
    db.close();
  }
}

/** Another class with one learner (the demo password); returns a function that removes both. */
function anotherClassWithLearner(): () => void {
  const db = new Database("tests/.tmp/e2e.db");
  const now = new Date().toISOString().replace("Z", "+00:00");
  try {
    const template = db.prepare('SELECT "passwordHash", "unitId" FROM "User" WHERE phone = ?').get("0913000001") as { passwordHash: string; unitId: number };
    const user = db
      .prepare('INSERT INTO "User" ("fullName", phone, "passwordHash", "unitId", "searchName", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run("Học Viên Lớp Khác", OTHER_PHONE, template.passwordHash, template.unitId, "hoc vien lop khac", now, now);
    db.prepare('INSERT INTO "RoleAssignment" ("userId", role, "unitId", "createdAt") VALUES (?, \'learner\', ?, ?)').run(
      user.lastInsertRowid,
      template.unitId,
      now,
    );
    const course = db
      .prepare(
        'INSERT INTO "Course" (code, title, description, "unitId", "enrolmentCode", "startsOn", "endsOn", "createdAt") VALUES (?, ?, \'\', ?, ?, ?, ?, ?)',
      )
      .run("E2E-LOP-KHAC", "Lớp khác (e2e)", template.unitId, "E2ELOPKHAC", now, now, now);
    db.prepare('INSERT INTO "Enrolment" ("courseId", "userId", "createdAt") VALUES (?, ?, ?)').run(course.lastInsertRowid, user.lastInsertRowid, now);
    return () => {
      const cleanup = new Database("tests/.tmp/e2e.db");
      try {
        cleanup.prepare('DELETE FROM "Course" WHERE id = ?').run(course.lastInsertRowid);
        cleanup.prepare('DELETE FROM "User" WHERE id = ?').run(user.lastInsertRowid);
      } finally {
        cleanup.close();
      }
    };
  } finally {
    db.close();
  }
}

let fileUrl = "";
let lessonTitle = "";

test("the trainer adds a local lesson and a PDF to the class", async ({ page }) => {
  const courseId = demoCourseId();
  await login(page, "trainer");
  await page.goto(`/khoa-hoc/${courseId}`);
  await page.getByRole("link", { name: "Tài liệu của lớp" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tài liệu của lớp");

  await page.getByRole("link", { name: "Thêm bài học" }).click();
  // a bad first try: the message stands at the field and the text is kept
  await page.getByLabel("Nội dung (Markdown)").fill("Chưa có tiêu đề");
  await page.getByRole("button", { name: "Lưu bài học" }).click();
  await expect(page.getByText("Nhập tiêu đề bài học.")).toBeVisible();
  await expect(page.getByLabel("Nội dung (Markdown)")).toHaveValue("Chưa có tiêu đề");

  lessonTitle = `Lịch tập huấn tại xã ${Date.now()}`;
  await page.getByLabel("Tiêu đề").fill(lessonTitle);
  await page
    .getByLabel("Nội dung (Markdown)")
    .fill(":::warning[Hạn nộp phương án]\nNộp phương án trong **5 ngày** kể từ buổi học.\n:::\n\nMang theo <script>alert(1)</script> giấy tờ.");
  await page.getByLabel("Nguồn (mỗi dòng một văn bản)").fill("UBND tỉnh Hà Tĩnh | 3292/QĐ-UBND | 01/11/2018 | Phê duyệt Đề án Mỗi xã một sản phẩm");
  await page.getByRole("button", { name: "Lưu bài học" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(lessonTitle);
  await expect(page.locator(".callout--warning")).toContainText("Hạn nộp phương án");

  await page.getByRole("link", { name: "Tài liệu của lớp" }).click();
  await page.getByLabel("Tệp", { exact: true }).setInputFiles({ name: "Quyết định 3292.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Tải lên" }).click();
  await expect(page.getByRole("status")).toContainText("Đã tải lên Quyết định 3292.pdf.");
  fileUrl = (await page.getByRole("link", { name: "Quyết định 3292.pdf" }).getAttribute("href"))!;
  expect(fileUrl).toMatch(/^\/khoa-hoc\/\d+\/tai-lieu\/tep\/\d+$/);
  await logout(page);
});

test("a learner of the class reads the lesson and downloads the PDF", async ({ page }) => {
  await login(page, "learner");
  await page.goto(`/khoa-hoc/${demoCourseId()}`);
  await page.getByRole("link", { name: "Tài liệu của lớp" }).click();
  await expect(page.getByRole("button", { name: "Tải lên" })).toHaveCount(0);
  await page.getByRole("link", { name: lessonTitle }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(lessonTitle);
  await expect(page.locator(".lesson__body strong")).toHaveText("5 ngày");
  await expect(page.locator(".lesson__body")).toContainText("Mang theo <script>alert(1)</script> giấy tờ.");
  await expect(page.locator(".lesson__sources")).toContainText("UBND tỉnh Hà Tĩnh, 3292/QĐ-UBND ngày 01/11/2018: Phê duyệt Đề án Mỗi xã một sản phẩm");

  await page.getByRole("link", { name: "Tài liệu của lớp" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Quyết định 3292.pdf" }).click()]);
  expect(download.suggestedFilename()).toBe("Quyết định 3292.pdf");
  expect(fs.readFileSync((await download.path())!).equals(PDF)).toBe(true);
  await logout(page);
});

test("a learner of another class gets 404 for the file", async ({ page }) => {
  const remove = anotherClassWithLearner();
  try {
    await login(page, { identifier: OTHER_PHONE });
    const res = await page.request.get(fileUrl);
    expect(res.status()).toBe(404);
    expect(res.headers()["content-disposition"]).toBeUndefined();
    const lesson = await page.request.get(fileUrl.replace(/\/tep\/\d+$/, ""));
    expect(lesson.status()).toBe(404);
  } finally {
    remove();
  }
});
