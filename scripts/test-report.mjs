// What `npm test` and `npm run test:pg` share: running a step, and adding a vitest or Playwright JSON report to the
// totals. A suite that exited non-zero without a failed test (it crashed, or wrote no report) counts as one failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

export function run(cmd, args, env = {}, label = "") {
  console.log(`\n▶ ${[cmd, ...args].join(" ")}${label}`);
  return spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
}

/** @param {{passed: number, failed: number, skipped: number}} totals */
export function addVitest(totals, jsonFile, status) {
  if (!fs.existsSync(jsonFile)) return void (totals.failed += 1);
  const r = JSON.parse(fs.readFileSync(jsonFile, "utf8"));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests + (status !== 0 && r.numFailedTests === 0 ? 1 : 0);
  totals.skipped += r.numPendingTests + r.numTodoTests;
}

/** @param {{passed: number, failed: number, skipped: number}} totals */
export function addPlaywright(totals, jsonFile, status) {
  if (!fs.existsSync(jsonFile)) return void (totals.failed += 1);
  const s = JSON.parse(fs.readFileSync(jsonFile, "utf8")).stats;
  totals.passed += s.expected + s.flaky;
  totals.failed += s.unexpected + (status !== 0 && s.unexpected === 0 ? 1 : 0);
  totals.skipped += s.skipped;
}
