import { test as base, expect } from "@playwright/test";

/**
 * Every e2e test fails on an uncaught page error — a hydration mismatch among them, which
 * makes React replace the server HTML and lose what the user already typed.
 */
export const test = base.extend<{ failOnPageErrors: void }>({
  failOnPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await use();
      expect(errors, "uncaught errors in the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
