#!/usr/bin/env node
// `npm run test:pg`: the integration suite and the e2e specs a second time, on PostgreSQL (decision 0045). The
// e2e server is one process (the test-only appraisal clock lives in its memory); what must hold across several
// processes has its own integration tests and the crash test kills one of two. The server is
// PG_URL's (a role that may CREATE DATABASE; the URL names its maintenance database), or — as root with apt — a
// private cluster this script installs, starts and stops (scripts/pg-cluster.mjs). Ends with "N passed, N failed"
// (also in tests/.tmp/summary-pg.txt, which .ci/run adds to its total). Run `npm run build` first, or let it.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startPostgres } from "./pg-cluster.mjs";
import { addPlaywright, addVitest, noteFailure, run as runStep } from "./test-report.mjs";

const tmp = path.resolve("tests/.tmp");
fs.mkdirSync(tmp, { recursive: true });
const summaryFile = path.join(tmp, "summary-pg.txt");
fs.rmSync(summaryFile, { force: true });

const run = (cmd, args, env) => runStep(cmd, args, env, "  (on PostgreSQL)");

/** An empty database `name` on the server (dropped first if a run left it); returns its URL. */
async function freshDatabase(serverUrl, name) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const server = await startPostgres();
const totals = { passed: 0, failed: 0, skipped: 0 };
const suites = [];
try {
  const env = { TEST_PG_URL: server.url };
  if (!fs.existsSync("build/index.js") && run("npm", ["run", "build"], { NODE_ENV: "production" }) !== 0) throw new Error("build failed");

  // `npm run test:pg -- tests/integration/x.test.ts tests/e2e/y.spec.ts` runs only those; no file runs both suites whole
  const args = process.argv.slice(2);
  const files = args.filter((a) => a.includes("integration"));
  const specs = args.filter((a) => a.includes("e2e"));

  // Integration tests (the unit tests touch no database: the SQLite pass has them)
  if (files.length || !specs.length) {
    const vitestJson = path.join(tmp, "vitest-pg.json");
    fs.rmSync(vitestJson, { force: true });
    const vitest = run(
      "node_modules/.bin/vitest",
      [
        "run",
        ...(files.length ? files : ["tests/integration"]),
        "--sequence.shuffle",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${vitestJson}`,
      ],
      { ...env, SKIP_BUILD: "1" },
    );
    addVitest(totals, vitestJson, vitest, "vitest-pg");
    suites.push(["vitest-pg", vitest === 0]);
  }

  // End-to-end in Chromium, the server on a fresh PostgreSQL database (scripts/e2e-server.sh migrates and seeds it)
  if (specs.length || !files.length) {
    const playwrightJson = path.join(tmp, "playwright-pg.json");
    fs.rmSync(playwrightJson, { force: true });
    const e2eUrl = await freshDatabase(server.url, "ocop_e2e");
    const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
    const playwright = run("node_modules/.bin/playwright", ["test", ...specs], {
      E2E_DATABASE_URL: e2eUrl,
      CHROMIUM_PATH: chromium,
      PLAYWRIGHT_JSON: playwrightJson,
    });
    addPlaywright(totals, playwrightJson, playwright, "playwright-pg");
    suites.push(["playwright-pg", playwright === 0]);
  }
} catch (error) {
  console.error(error);
  totals.failed += 1;
  noteFailure("test:pg", String(error?.message ?? error).split("\n")[0]);
  suites.push(["test:pg", false]);
} finally {
  server.stop();
}

console.log("\nSuites on PostgreSQL: " + suites.map(([name, ok]) => `${name} ${ok ? "ok" : "FAILED"}`).join(", "));
const summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
fs.writeFileSync(summaryFile, summary + "\n");
console.log(summary);
process.exit(suites.every(([, ok]) => ok) ? 0 : 1);
