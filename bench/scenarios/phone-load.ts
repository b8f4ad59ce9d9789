import { type Browser, chromium, devices } from "@playwright/test";
import playwrightConfig from "../../playwright.config";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/demo-data";
import { type Measure, type Scenario, loginCookie, percentile } from "../harness";
import { startNginx } from "../nginx";

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

type Load = { settleMs: number; bytes: number; status: number; pageErrors: string[]; protocol: string };

// the phone's screen, touch and user agent (the browser is always Chromium)
const { defaultBrowserType: _browser, ...phone } = devices["Moto G4"];

async function loadOnce(browser: Browser, base: string, cookie: string, path: string, js: boolean, throttle: boolean): Promise<Load> {
  // behind the bench's nginx the certificate is the run's own, self-signed
  const context = await browser.newContext({ ...phone, javaScriptEnabled: js, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh", ignoreHTTPSErrors: true });
  try {
    const [cookieName, cookieValue] = cookie.split("=");
    await context.addCookies([{ name: cookieName, value: cookieValue, url: base }]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    let bytes = 0;
    cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength));
    let protocol = "";
    cdp.on("Network.responseReceived", (e: { type: string; response: { protocol?: string } }) => {
      if (e.type === "Document" && !protocol) protocol = e.response.protocol ?? "";
    });
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
    const response = await page.goto(base + path, { waitUntil: "load", timeout: 60_000 });
    await page.waitForLoadState("networkidle", { timeout: 60_000 });
    const settleMs = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const lastResponse = Math.max(0, ...performance.getEntriesByType("resource").map((r) => (r as PerformanceResourceTiming).responseEnd));
      return Math.round(Math.max(nav.loadEventEnd, lastResponse));
    });
    return { settleMs, bytes, status: response?.status() ?? 0, pageErrors, protocol };
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
    const browser = await chromium.launch({ ...playwrightConfig.use?.launchOptions });
    const started = performance.now();
    try {
      // straight to the app (HTTP/1.1: six connections, so 16 files take rounds of the round trip), then through
      // the documented nginx (TLS and HTTP/2: one connection carries them all), as an office deploys it
      const direct = await loadPages(browser, server.url, cookie, repeats, !mode.smoke);
      const proxy = await startNginx(server.url);
      const proxied = proxy ? await loadPages(browser, proxy.url, cookie, repeats, !mode.smoke).finally(() => proxy.stop()) : null;
      const failures = [...direct.failures, ...(proxied?.failures ?? [])];
      const result: Measure & { ratio: number; extra: Record<string, unknown> } = {
        rps: Math.round(((direct.loads + (proxied?.loads ?? 0)) / ((performance.now() - started) / 1000)) * 100) / 100,
        p50_ms: percentile(direct.onTimes, 50),
        p99_ms: percentile(direct.onTimes, 99),
        requests: direct.loads + (proxied?.loads ?? 0),
        errors: failures.length,
        ratio: direct.ratio,
        extra: {
          phone: PHONE,
          repeats,
          protocol: direct.protocol,
          pages: direct.pages,
          targets: targetsMet(direct),
          behindNginx: proxied
            ? { protocol: proxied.protocol, ratio: proxied.ratio, pages: proxied.pages, targets: targetsMet(proxied) }
            : "not measured: nginx is not installed",
          failures: failures.slice(0, 10),
        },
      };
      return result;
    } finally {
      await browser.close();
    }
  },
  verify: async (_server, measured) => {
    if (measured.errors > 0) throw new Error(`${measured.errors} page loads failed or threw`);
  },
};

type PageFigures = { jsOn: { settle_ms: number; bytes: number }; jsOff: { settle_ms: number; bytes: number }; ratioOffOn: number };

/** Every page with JavaScript on and off, `repeats` cold loads each from `base`: medians, ratios, failures. */
async function loadPages(browser: Browser, base: string, cookie: string, repeats: number, throttle: boolean) {
  const failures: string[] = [];
  const pages: Record<string, PageFigures> = {};
  const onTimes: number[] = [];
  const protocols = new Set<string>();
  let loads = 0;
  for (const [page, path] of Object.entries(PAGES)) {
    const figures: Record<string, { settle_ms: number; bytes: number }> = {};
    for (const js of [true, false]) {
      const runs: Load[] = [];
      for (let i = 0; i < repeats; i++) runs.push(await loadOnce(browser, base, cookie, path, js, throttle));
      loads += runs.length;
      for (const r of runs) {
        protocols.add(r.protocol);
        if (r.status !== 200) failures.push(`${page} (JS ${js ? "on" : "off"}, ${base}): HTTP ${r.status}`);
        for (const e of r.pageErrors) failures.push(`${page}: ${e.slice(0, 200)}`);
      }
      figures[js ? "jsOn" : "jsOff"] = { settle_ms: median(runs.map((r) => r.settleMs)), bytes: median(runs.map((r) => r.bytes)) };
    }
    const ratio = Math.round((figures.jsOff.settle_ms / figures.jsOn.settle_ms) * 100) / 100;
    onTimes.push(figures.jsOn.settle_ms);
    pages[page] = { jsOn: figures.jsOn, jsOff: figures.jsOff, ratioOffOn: ratio };
  }
  const ratio = Math.min(...Object.values(pages).map((p) => p.ratioOffOn));
  return { pages, ratio, onTimes, failures, loads, protocol: [...protocols].join(" ") };
}

function targetsMet(run: { pages: Record<string, PageFigures>; ratio: number }) {
  return {
    ratioOffOnAtLeast: TARGET.minRatio,
    ratioMet: run.ratio >= TARGET.minRatio,
    checkinMaxBytes: TARGET.checkinMaxBytes,
    checkinBytesMet: run.pages["check-in"].jsOn.bytes <= TARGET.checkinMaxBytes,
  };
}
