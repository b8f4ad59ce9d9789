import { withE2eDb } from "./e2e-db";
import { expect, test } from "./fixtures";
import { login, logout } from "./helpers";
import { DEMO_LOCAL_LESSON_TITLE } from "../../prisma/seed-materials";

/**
 * What the classes journey (classes.spec.ts) does not walk through: the demo class's own note on the province's
 * OCOP decisions, as its learner reads it, and taking materials away again with JavaScript off — a lesson whose
 * file stays in the class, then the file, whose address answers 404 from then on. The spec removes what it adds.
 */
test.use({ javaScriptEnabled: false });

const PDF = Buffer.from(`%PDF-1.4\n% tep cua bai e2e ${Date.now()}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

const demoCourseId = () => withE2eDb(async (db) => (await db.course.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } })).id);

test("the demo class's learner reads its note on the province's OCOP decisions, with the decisions cited", async ({ page }) => {
  await login(page, "learner");
  await page.goto(`/khoa-hoc/${await demoCourseId()}`);
  await page.getByRole("link", { name: "Tài liệu của lớp" }).click();
  await page.getByRole("link", { name: DEMO_LOCAL_LESSON_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_LOCAL_LESSON_TITLE);
  await expect(page.locator(".lesson__body .callout--note")).toContainText("Hồ sơ nhận tiền thưởng");
  await expect(page.locator(".lesson__sources")).toContainText("UBND tỉnh Hà Tĩnh, 3292/QĐ-UBND ngày 01/11/2018");
});

test("the trainer deletes a lesson (its file stays in the class), then the file (its address answers 404)", async ({ page }) => {
  const title = `Bài tạm có tệp ${Date.now()}`;
  await login(page, "trainer");
  await page.goto(`/khoa-hoc/${await demoCourseId()}/tai-lieu`);
  await page.getByRole("link", { name: "Thêm bài học" }).click();
  await page.getByLabel("Tiêu đề").fill(title);
  await page.getByLabel("Nội dung (Markdown)").fill("Xem tệp đính kèm.");
  await page.getByRole("button", { name: "Lưu bài học" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  await page.getByRole("link", { name: "Tài liệu của lớp" }).click();
  await page.getByLabel("Tệp", { exact: true }).setInputFiles({ name: "Phụ lục.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByLabel("Gắn với bài học (không bắt buộc)").selectOption({ label: title });
  await page.getByRole("button", { name: "Tải lên" }).click();
  await expect(page.getByRole("status")).toContainText("Đã tải lên Phụ lục.pdf.");
  const fileUrl = (await page.getByRole("link", { name: "Phụ lục.pdf" }).getAttribute("href"))!;

  await page.getByRole("button", { name: `Xóa bài học: ${title}` }).click();
  await expect(page.getByRole("status")).toContainText("Đã xóa bài học. Tệp của bài vẫn còn trong tài liệu của lớp.");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  expect((await page.request.get(fileUrl)).status()).toBe(200);

  await page.getByRole("button", { name: "Xóa tệp: Phụ lục.pdf" }).click();
  await expect(page.getByRole("status")).toContainText("Đã xóa tệp Phụ lục.pdf.");
  await expect(page.getByRole("link", { name: "Phụ lục.pdf" })).toHaveCount(0);
  expect((await page.request.get(fileUrl)).status()).toBe(404);
  await logout(page);
});
