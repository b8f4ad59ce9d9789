import { expect, test } from "./fixtures";
import { login } from "./helpers";

/**
 * The check-in page is a plain document with one small script (docs/decisions/0057): the page a hall's
 * 210 phones open at the same minute loads no React, however it is reached.
 */
test("opened by its address, the check-in page loads its own script and nothing of React or Remix", async ({ page }) => {
  await login(page, { identifier: "0913000196" });
  await page.goto("/diem-danh");
  await page.waitForLoadState("networkidle");
  // what this document loaded (the service worker's own caching is not the page's)
  const loaded = await page.evaluate(() => ({
    scripts: Array.from(document.scripts, (s) => (s.src ? new URL(s.src).pathname : "inline")),
    build: performance
      .getEntriesByType("resource")
      .map((r) => new URL(r.name).pathname)
      .filter((p) => p.startsWith("/build/") && !p.endsWith(".css")),
  }));
  const own = expect.stringMatching(/^\/build\/pages\/checkin-[A-Z0-9]+\.js$/);
  expect(loaded.scripts).toEqual([own, "/sw-register.js"]);
  expect(loaded.build).toEqual([own]);
  expect(await page.evaluate(() => "__remixContext" in window)).toBe(false);
  // still the form it is without JavaScript: the server names a malformed code at the field
  await page.getByLabel("Mã điểm danh").fill("abc");
  await page.getByRole("button", { name: "Điểm danh" }).click();
  await expect(page.locator(".field__error")).toHaveText(/Mã gồm 6 chữ cái và chữ số/);
});

test("reached from the app's menu, the check-in page loads as a document, not rendered by React", async ({ page }) => {
  await login(page, { identifier: "0913000196" });
  await expect.poll(() => page.evaluate(() => "__remixContext" in window)).toBe(true); // the home page is a React app
  await page.getByRole("navigation").getByRole("link", { name: "Điểm danh" }).click();
  await expect(page).toHaveURL(/\/diem-danh$/);
  await expect(page.getByLabel("Mã điểm danh")).toBeVisible();
  expect(await page.evaluate(() => "__remixContext" in window)).toBe(false);
  expect(await page.evaluate(() => new URL((performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).name).pathname)).toBe("/diem-danh");
});
