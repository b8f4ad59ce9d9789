import { type Browser, chromium, devices } from "@playwright/test";
import playwrightConfig from "../../playwright.config";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/demo-data";
import { type Measure, type Scenario, type Server, loginCookie, percentile } from "../harness";

/**
 * The demo learner opens four pages on an emulated low-end phone — Debian's Chromium, 1.6 Mbps
 * down, 150 ms round trip, CPU slowed 4× — each in a fresh browser context (cold cache, as on
 * the class day), with JavaScript on and off. Recorded per page: time to settle (the load event
 * and the last response, from the Performance API) and bytes on the wire (encoded sizes, headers
 * included, from the DevTools protocol). The median of REPEATS loads counts.
 * Targets: JS-on within 1.5× of JS-off (off/on ≥ 0.65) on every page; check-in ≤ 150 KB.
 * `ratio` is the lowest off/on of the four pages.
 */
const REPEATS = 3;
const PAGES = {
  home: "/",
  lesson: "/khoa-hoc/1/hoc/phuong-an-san-xuat-kinh-doanh/phuong-an-buoc-9-12",
  quiz: "/khoa-hoc/1/kiem-tra/kien-thuc-chung",
  "check-in": "/diem-danh",
} as const;
const PHONE = { downloadKbps: 1600, uploadKbps: 750, rttMs: 150, cpuSlowdown: 4 };
const TARGET = { minRatio: 0.65, checkinMaxBytes: 150 * 1024 };

type Load = { settleMs: number; bytes: number; status: number; pageErrors: string[] };

// the phone's screen, touch and user agent (the browser is always Chromium)
const { defaultBrowserType: _browser, ...phone } = devices["Moto G4"];

async function loadOnce(browser: Browser, server: Server, cookie: string, path: string, js: boolean, throttle: boolean): Promise<Load> {
  const context = await browser.newContext({ ...phone, javaScriptEnabled: js, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  try {
    const [cookieName, cookieValue] = cookie.split("=");
    await context.addCookies([{ name: cookieName, value: cookieValue, url: server.url }]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    let bytes = 0;
    cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength));
    if (throttle) {
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: PHONE.rttMs,
        downloadThroughput: (PHONE.downloadKbps * 1000) / 8,
        uploadThroughput: (PHONE.uploadKbps * 1000) / 8,
      });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpuSlowdown });
    }
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    const response = await page.goto(server.url + path, { waitUntil: "load", timeout: 60_000 });
    await page.waitForLoadState("networkidle", { timeout: 60_000 });
    const settleMs = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const lastResponse = Math.max(0, ...performance.getEntriesByType("resource").map((r) => (r as PerformanceResourceTiming).responseEnd));
      return Math.round(Math.max(nav.loadEventEnd, lastResponse));
    });
    return { settleMs, bytes, status: response?.status() ?? 0, pageErrors };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export const phoneLoad: Scenario = {
  name: "phone-load",
  description: `The demo learner loads home, a lesson, a quiz and the check-in page on an emulated low-end phone (${PHONE.downloadKbps / 1000} Mbps down, ${PHONE.rttMs} ms RTT, CPU ${PHONE.cpuSlowdown}× slower), JavaScript on and off, cold cache`,
  baseline: "hello",
  prepare: async () => ({}),
  async run(server, mode) {
    const learner = DEMO_ACCOUNTS.find((a) => a.role === "learner")!;
    const cookie = await loginCookie(server, learner.email, DEMO_PASSWORD);
    const repeats = mode.smoke ? 1 : REPEATS;
    const failures: string[] = [];
    const pages: Record<string, unknown> = {};
    const ratios: number[] = [];
    const onTimes: number[] = [];
    const browser = await chromium.launch({ ...playwrightConfig.use?.launchOptions });
    const started = performance.now();
    let loads = 0;
    for (const [page, path] of Object.entries(PAGES)) {
      const figures: Record<string, { settle_ms: number; bytes: number }> = {};
      for (const js of [true, false]) {
        const runs: Load[] = [];
        for (let i = 0; i < repeats; i++) runs.push(await loadOnce(browser, server, cookie, path, js, !mode.smoke));
        loads += runs.length;
        for (const r of runs) {
          if (r.status !== 200) failures.push(`${page} (JS ${js ? "on" : "off"}): HTTP ${r.status}`);
          for (const e of r.pageErrors) failures.push(`${page}: ${e.slice(0, 200)}`);
        }
        figures[js ? "jsOn" : "jsOff"] = { settle_ms: median(runs.map((r) => r.settleMs)), bytes: median(runs.map((r) => r.bytes)) };
      }
      const ratio = Math.round((figures.jsOff.settle_ms / figures.jsOn.settle_ms) * 100) / 100;
      ratios.push(ratio);
      onTimes.push(figures.jsOn.settle_ms);
      pages[page] = { ...figures, ratioOffOn: ratio };
    }
    await browser.close();
    const checkinBytes = (pages["check-in"] as { jsOn: { bytes: number } }).jsOn.bytes;
    const result: Measure & { ratio: number; extra: Record<string, unknown> } = {
      rps: Math.round((loads / ((performance.now() - started) / 1000)) * 100) / 100,
      p50_ms: percentile(onTimes, 50),
      p99_ms: percentile(onTimes, 99),
      requests: loads,
      errors: failures.length,
      ratio: Math.min(...ratios),
      extra: {
        phone: PHONE,
        repeats,
        pages,
        targets: {
          ratioOffOnAtLeast: TARGET.minRatio,
          ratioMet: ratios.every((r) => r >= TARGET.minRatio),
          checkinMaxBytes: TARGET.checkinMaxBytes,
          checkinBytesMet: checkinBytes <= TARGET.checkinMaxBytes,
        },
        failures: failures.slice(0, 10),
      },
    };
    return result;
  },
  verify: async (_server, measured) => {
    if (measured.errors > 0) throw new Error(`${measured.errors} page loads failed or threw`);
  },
};
