import { expect, test } from "./fixtures";
import { login } from "./helpers";

/** Layout checks an office screen and a phone need: a header that does not wrap, tap targets a thumb can hit. */
test("the admin's header menu stays within two lines at 1366 px, and its admin group opens without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, "admin");
  const header = await page.locator(".site-header").boundingBox();
  // brand on one line, menu and user on the next measure ~114 px; the three lines it wrapped to measured 176 px
  expect(header!.height).toBeLessThanOrEqual(120);
  await page.locator(".menu__group summary").click();
  await page.locator(".menu__group").getByRole("link", { name: "Người dùng" }).click();
  await expect(page).toHaveURL(/\/quan-tri\/nguoi-dung$/);
  await context.close();
});
