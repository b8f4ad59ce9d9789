import { expect, test } from "./fixtures";
import { login } from "./helpers";

/**
 * Autosave's concurrency rule (app/plans/use-autosave.ts): a change typed while an autosave is in
 * flight is saved after it, with the version it returned — never dropped, never a self-conflict.
 */
// With the learner app's service worker in charge of the page (whether it is by the plan step depends on the machine's
// pace), the save page.route should have held went straight through in a full run; Playwright's guide blocks workers
// for predictable routing. This spec is about autosave, not the worker (offline.spec.ts is).
test.use({ serviceWorkers: "block" });

test("a change typed while an autosave is on its way is saved after it", async ({ page }) => {
  await login(page, "producer");
  await page.goto("/phuong-an");
  await page.getByLabel("Tên ý tưởng sản phẩm").fill("Trà hoa vàng Kỳ Anh");
  await page.getByLabel("Nhóm sản phẩm OCOP").selectOption("DO_UONG");
  await page.getByRole("button", { name: "Đăng ký ý tưởng" }).click();
  await page
    .getByTestId("ideas")
    .getByRole("row", { name: /Trà hoa vàng Kỳ Anh/ })
    .getByRole("button", { name: "Lập phương án mới" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Thông tin chủ thể" })).toBeVisible();
  const stepUrl = page.url().replace(/\/buoc\/1$/, "/buoc/10");
  await page.goto(stepUrl);

  // the first autosave is held until the next change has been typed, so that change is typed while it is on its
  // way (held, not delayed by a fixed time: "Đang lưu…" then lasts until released, whatever the machine's load)
  const saves: number[] = [];
  let releaseFirst = () => {};
  const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
  await page.route(/\/buoc\/10(\.data)?(\?.*)?$/, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    saves.push(saves.length + 1);
    if (saves.length === 1) await firstHeld;
    await route.continue();
  });
  const scenario = page.getByLabel("Kịch bản xấu đã tính thử");
  await scenario.fill("Bản thứ nhất");
  await expect(page.getByTestId("save-status")).toHaveText("Đang lưu…");
  await scenario.fill("Bản thứ hai");
  releaseFirst();
  await expect.poll(() => saves.length, { timeout: 10_000 }).toBe(2);
  await expect(page.getByTestId("save-status")).toHaveText(/^Đã lưu lúc/);
  await expect(page.getByRole("alert")).toHaveCount(0);

  await page.goto(stepUrl);
  await expect(scenario).toHaveValue("Bản thứ hai");
});
