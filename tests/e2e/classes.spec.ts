import Database from "better-sqlite3";
import { expect, test } from "./fixtures";
import { account, login } from "./helpers";

/**
 * Classes run from the UI, with JavaScript off (every form posts and answers with a page): an admin creates a
 * class and assigns a trainer; the trainer finds it in their list; the admin copies it for next year — new dates,
 * the trainer kept, no learners. (The local materials' steps live in their own spec.)
 */
test.use({ javaScriptEnabled: false });

const CODE = "HT-E2E-2027-01";
const COPY = "HT-E2E-2028-01";
const TITLE = "Lớp tập huấn OCOP cụm xã Can Lộc 2027";

// the e2e database is shared by every spec: the classes made here go, so the trainer's pages elsewhere show the demo class alone
test.afterAll(() => {
  const db = new Database("tests/.tmp/e2e.db");
  db.prepare(`DELETE FROM "Course" WHERE "code" IN (?, ?)`).run(CODE, COPY);
  db.close();
});

test("an admin creates a class with a trainer, the trainer sees it, the admin copies it for next year", async ({ page }) => {
  const trainer = account("trainer");

  await login(page, "admin");
  await page.goto("/khoa-hoc");
  await page.getByRole("link", { name: "Tạo lớp mới" }).click();
  await expect(page).toHaveURL(/\/khoa-hoc\/moi$/);

  // a bad date first: the message is at the field and nothing is created
  await page.getByLabel("Tên lớp").fill(TITLE);
  await page.getByLabel("Mã lớp").fill(CODE);
  await page.getByLabel("Ngày bắt đầu").fill("2027-03-05");
  await page.getByLabel("Ngày kết thúc").fill("2027-03-01");
  await page.getByLabel("Địa điểm").fill("Hội trường UBND huyện Can Lộc");
  await page.getByLabel("Số học viên tối đa").fill("60");
  await page.getByRole("button", { name: "Tạo lớp" }).click();
  await expect(page.getByText("Ngày kết thúc không được trước ngày bắt đầu.")).toBeVisible();
  await expect(page.getByLabel("Tên lớp")).toHaveValue(TITLE);

  await page.getByLabel("Ngày kết thúc").fill("2027-03-06");
  await page.getByRole("button", { name: "Tạo lớp" }).click();
  await expect(page).toHaveURL(/\/khoa-hoc\/\d+\/cai-dat$/);
  await expect(page.getByRole("heading", { name: `Cài đặt lớp: ${TITLE}` })).toBeVisible();
  await expect(page.getByText("Lớp chưa có giảng viên.")).toBeVisible();

  // assign the trainer: search people in scope, then add
  await page.getByLabel("Tìm người để phân công giảng dạy").fill("le van thanh");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await page.getByRole("button", { name: `Phân công ${trainer.fullName} giảng dạy lớp này` }).click();
  await expect(page.getByText("Đã phân công giảng viên.")).toBeVisible();
  await expect(page.getByRole("button", { name: `Bỏ phân công ${trainer.fullName}` })).toBeVisible();
  const settingsUrl = page.url();

  // the trainer finds the class among their classes
  await page.context().clearCookies();
  await login(page, "trainer");
  await page.goto("/khoa-hoc");
  await expect(page.getByRole("link", { name: TITLE })).toBeVisible();

  // the admin copies it for next year
  await page.context().clearCookies();
  await login(page, "admin");
  await page.goto(settingsUrl);
  await page.getByLabel("Ngày bắt đầu của lớp mới").fill("2028-03-06");
  await page.getByLabel("Mã lớp mới").fill(COPY);
  await page.getByRole("button", { name: "Sao chép" }).click();
  await expect(page).toHaveURL(/\/khoa-hoc\/\d+\/cai-dat$/);
  expect(page.url()).not.toBe(settingsUrl);
  await expect(page.getByLabel("Mã lớp", { exact: true })).toHaveValue(COPY);
  await expect(page.getByLabel("Ngày bắt đầu", { exact: true })).toHaveValue("2028-03-06");
  await expect(page.getByRole("button", { name: `Bỏ phân công ${trainer.fullName}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "0 học viên" })).toBeVisible();

  // both runs are in the admin's list, and the year filter tells them apart
  await page.goto("/khoa-hoc?nam=2028");
  await expect(page.getByText(COPY)).toBeVisible();
  await expect(page.getByText(CODE, { exact: false })).toHaveCount(0);
});
