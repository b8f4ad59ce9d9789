import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/**
 * The e2e pass through nginx with TLS (scripts/e2e-proxy.sh, a self-signed certificate made for
 * the run) in front of the production build started with TRUST_PROXY=1: what changes behind a
 * proxy — https origin, Secure cookie, HSTS, redirects, downloads. `npm test` runs it after the
 * main pass when nginx is installed.
 */
const appPort = Number(process.env.E2E_PROXY_APP_PORT || Number(process.env.E2E_PORT || 3210) + 1);
const tlsPort = Number(process.env.E2E_TLS_PORT || 8443);
const httpPort = Number(process.env.E2E_HTTP_PORT || 8080);
export const proxyURL = `https://localhost:${tlsPort}`;
export const plainURL = `http://localhost:${httpPort}`;

export default defineConfig({
  ...base,
  testDir: "tests/e2e-proxy",
  use: { ...base.use, baseURL: proxyURL, ignoreHTTPSErrors: true },
  webServer: [
    {
      command: "bash scripts/e2e-server.sh",
      url: `http://127.0.0.1:${appPort}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { PORT: String(appPort), HOST: "127.0.0.1", TRUST_PROXY: "1", E2E_DB: "tests/.tmp/e2e-proxy.db" },
    },
    {
      command: "bash scripts/e2e-proxy.sh",
      url: `${proxyURL}/healthz`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { E2E_APP_PORT: String(appPort), E2E_TLS_PORT: String(tlsPort), E2E_HTTP_PORT: String(httpPort) },
    },
  ],
});
