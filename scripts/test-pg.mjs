#!/usr/bin/env node
// `npm run test:pg`: the integration suite a second time, on PostgreSQL (decision 0045; the e2e specs still
// read tests/.tmp/e2e.db with better-sqlite3, so they are not part of it yet). The server is
// PG_URL's (a role that may CREATE DATABASE; the URL names its maintenance database), or — as root with apt — a
// private cluster this script installs, starts and stops (scripts/pg-cluster.mjs). Ends with "N passed, N failed"
// (also in tests/.tmp/summary-pg.txt, which .ci/run adds to its total). Run `npm run build` first, or let it.
import fs from "node:fs";
import path from "node:path";
import { startPostgres } from "./pg-cluster.mjs";
import { addVitest, run as runStep } from "./test-report.mjs";

const tmp = path.resolve("tests/.tmp");
fs.mkdirSync(tmp, { recursive: true });
const summaryFile = path.join(tmp, "summary-pg.txt");
fs.rmSync(summaryFile, { force: true });

const run = (cmd, args, env) => runStep(cmd, args, env, "  (on PostgreSQL)");

const pg = await startPostgres();
const totals = { passed: 0, failed: 0, skipped: 0 };
const suites = [];
try {
  const env = { TEST_PG_URL: pg.url };
  if (!fs.existsSync("build/index.js") && run("npm", ["run", "build"], { NODE_ENV: "production" }) !== 0) throw new Error("build failed");

  // Integration tests (the unit tests touch no database: the SQLite pass has them)
  const vitestJson = path.join(tmp, "vitest-pg.json");
  fs.rmSync(vitestJson, { force: true });
  const files = process.argv.slice(2).filter((a) => a.includes("integration"));
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
  addVitest(totals, vitestJson, vitest);
  suites.push(["vitest-pg", vitest === 0]);
} catch (error) {
  console.error(error);
  totals.failed += 1;
  suites.push(["test:pg", false]);
} finally {
  pg.stop();
}

console.log("\nSuites on PostgreSQL: " + suites.map(([name, ok]) => `${name} ${ok ? "ok" : "FAILED"}`).join(", "));
const summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
fs.writeFileSync(summaryFile, summary + "\n");
console.log(summary);
process.exit(suites.every(([, ok]) => ok) ? 0 : 1);
