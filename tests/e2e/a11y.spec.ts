import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { type Role, login } from "./helpers";

/** Main pages of each role: no serious or critical axe violations. */
const pages: [Role | null, string][] = [
  [null, "/"],
  [null, "/dang-nhap"],
  [null, "/dang-ky"],
  ["learner", "/"],
  ["learner", "/tai-khoan"],
  ["admin", "/quan-tri/nguoi-dung"],
  ["admin", "/quan-tri/don-vi"],
  ["admin", "/quan-tri/danh-muc-don-vi"],
  ["admin", "/quan-tri/cai-dat"],
  ["learner", "/khoa-hoc/1"],
  ["learner", "/khoa-hoc/1/hoc/tieu-chi-danh-gia/cham-diem-va-xep-hang-sao"],
  ["learner", "/khoa-hoc/1/kiem-tra/kien-thuc-chung"],
  ["learner", "/diem-danh"],
  ["learner", "/chung-nhan-cua-toi"],
  ["trainer", "/khoa-hoc/1/tien-do"],
  ["trainer", "/khoa-hoc/1/diem-danh"],
  ["trainer", "/khoa-hoc/1/chung-nhan"],
  ["trainer", "/khoa-hoc/1/ket-qua-kiem-tra"],
  ["trainer", "/khoa-hoc/1/ket-qua-kiem-tra/hoc-vien/1"],
  ["producer", "/phuong-an"],
  ["appraiser", "/tham-dinh"],
  ["admin", "/thong-ke/tham-dinh"],
  ["admin", "/y-tuong"],
  [null, "/chung-nhan"],
];

for (const [role, path] of pages) {
  test(`${role ?? "anonymous"} ${path} has no serious accessibility violations`, async ({ page }) => {
    if (role) await login(page, role);
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      );
    expect(serious).toEqual([]);
  });
}
