import { expect, test } from "./fixtures";
import { account, login } from "./helpers";

test("pages carry a nonce-based CSP and the other security headers", async ({ page, request }) => {
  const res = await request.get("/dang-nhap");
  const headers = res.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-powered-by"]).toBeUndefined();
  // every inline script carries this response's nonce, so the page still hydrates under the CSP
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const html = await res.text();
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
  expect(inline.length).toBeGreaterThan(0);
  for (const [, attrs] of inline) expect(attrs).toContain(`nonce="${nonce}"`);
  // and the browser reports no CSP violation while using the page
  const violations: string[] = [];
  page.on("console", (m) => m.type() === "error" && /Content Security Policy/.test(m.text()) && violations.push(m.text()));
  await login(page, "learner");
  expect(violations).toEqual([]);
});

test("a mutation from a foreign origin is refused with 403", async ({ request }) => {
  const res = await request.post("/dang-nhap", {
    headers: { Origin: "https://ke-gian.example" },
    form: { identifier: account("learner").email, password: "OcopDemo@2026" },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(403);
  expect(res.headers()["set-cookie"]).toBeUndefined();
});

test("the session cookie is HttpOnly and SameSite=Lax, and login rotates it", async ({ page, context }) => {
  await login(page, "learner");
  const first = (await context.cookies()).find((c) => c.name === "ocop_session")!;
  expect(first.httpOnly).toBe(true);
  expect(first.sameSite).toBe("Lax");
  expect(await page.evaluate(() => document.cookie)).not.toContain("ocop_session");
  await page.goto("/dang-nhap?next=/tai-khoan"); // already signed in: sent on
  await expect(page).toHaveURL(/\/tai-khoan$/);
  await page.context().clearCookies();
  await login(page, "learner");
  const second = (await context.cookies()).find((c) => c.name === "ocop_session")!;
  expect(second.value).not.toBe(first.value);
});

test("a signed-in user opening a login link with a hostile next stays on the site", async ({ page }) => {
  await login(page, "learner");
  for (const next of ["/%09/example.org", "/.//example.org", "/%5Cexample.org", "/%0D%0ASet-Cookie:x=1"]) {
    const res = await page.goto(`/dang-nhap?next=${next}`);
    expect(res?.status(), next).toBe(200);
    expect(page.url(), next).toMatch(/^http:\/\/localhost:\d+\/$/);
  }
});

test("signed-in pages are not kept by any cache; static assets are", async ({ page }) => {
  await login(page, "learner");
  const res = await page.goto("/tai-khoan");
  expect(res?.headers()["cache-control"]).toBe("private, no-store");
  const css = await page.request.get("/favicon.svg");
  expect(css.headers()["cache-control"]).toMatch(/max-age=\d+/);
});

test("Vietnamese 404 page without a stack trace", async ({ page }) => {
  const res = await page.goto("/khong-ton-tai");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
  expect(await page.content()).not.toMatch(/at .*\.js:\d+/);
});
