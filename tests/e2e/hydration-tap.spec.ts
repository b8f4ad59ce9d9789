import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { login } from "./helpers";

/**
 * A tap that lands while a React page loaded as a document is still hydrating (decision 0058: home is a document
 * for learners, so the next page they open in the app hydrates). Remix's root waits, suspended, until it has
 * decoded the page's data from the document; a tap then makes React hydrate synchronously. Here the window is
 * held open: the document's data reaches Remix a second and a half late.
 */
const HOLD_MS = 1500;

const holdHydration = (page: Page) =>
  page.addInitScript((holdMs) => {
    let context: Record<string, unknown> | undefined;
    Object.defineProperty(window, "__remixContext", {
      configurable: true,
      get: () => context,
      set(value: Record<string, unknown>) {
        context = value;
        let controller: ReadableStreamDefaultController | undefined;
        Object.defineProperty(value, "streamController", {
          configurable: true,
          get: () => controller,
          set(c: ReadableStreamDefaultController) {
            const [enqueue, close] = [c.enqueue.bind(c), c.close.bind(c)];
            c.enqueue = (chunk) => void setTimeout(() => enqueue(chunk), holdMs);
            c.close = () => void setTimeout(close, holdMs);
            controller = c;
          },
        });
      },
    });
  }, HOLD_MS);

test("a tap on a link while the page is still hydrating follows the link and throws nothing", async ({ page }) => {
  await login(page, { identifier: "0913000195" });
  await holdHydration(page);
  await page.goto("/khoa-hoc", { waitUntil: "load" }); // a React app, loaded as a document
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => "__remixRouter" in window)).toBe(false); // React has started and waits for the data
  await page.getByRole("navigation").getByRole("link", { name: "Điểm danh" }).click();
  await expect(page).toHaveURL(/\/diem-danh$/);
  await expect(page.getByLabel("Mã điểm danh")).toBeVisible();
});
