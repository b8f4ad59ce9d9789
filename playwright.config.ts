import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT || 3210);
export const baseURL = `http://localhost:${port}`;
/** Where tests/e2e/notifications.spec.ts starts its SMTP server; the app sends email there (until then: retried). */
export const smtpPort = Number(process.env.E2E_SMTP_PORT || port + 7);

// Playwright's own browser download is unreachable here: use Debian's Chromium (see scripts/test.mjs).
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON ? [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON }]] : "list",
  use: {
    baseURL,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "off",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "bash scripts/e2e-server.sh",
    url: `${baseURL}/dang-nhap`,
    reuseExistingServer: false,
    timeout: 120_000,
    // E2E_CLOCK: the test-only clock route (app/appraisal/clock.server.ts); SMTP_URL…: email through the spec's own SMTP server
    env: {
      PORT: String(port),
      E2E_CLOCK: "1",
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: "thongbao@ocop-e2e.test",
      PUBLIC_URL: baseURL,
      OUTBOX_MS: "500",
    },
  },
});
