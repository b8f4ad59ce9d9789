// What `npm test` and `npm run test:pg` share: running a step, and adding a vitest or Playwright JSON report to the
// totals. A suite that exited non-zero without a failed test (it crashed, or wrote no report) counts as one failure.
// The names of failed tests go to tests/.tmp/failures.txt, which .ci/run prints beside its last line: a CI log is
// kept only by its tail, and a count alone does not say what to fix.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const failuresFile = path.resolve("tests/.tmp/failures.txt");

/** Starts a run's list of failed tests (`npm test` empties it; the PostgreSQL pass adds to it). */
export function resetFailures() {
  fs.rmSync(failuresFile, { force: true });
}

export function noteFailure(suite, name) {
  fs.mkdirSync(path.dirname(failuresFile), { recursive: true });
  fs.appendFileSync(failuresFile, `${suite}: ${name}\n`);
}

export function run(cmd, args, env = {}, label = "") {
  console.log(`\n▶ ${[cmd, ...args].join(" ")}${label}`);
  return spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
}

/** @param {{passed: number, failed: number, skipped: number}} totals */
export function addVitest(totals, jsonFile, status, suite = "vitest") {
  if (!fs.existsSync(jsonFile)) return void ((totals.failed += 1), noteFailure(suite, "wrote no report"));
  const r = JSON.parse(fs.readFileSync(jsonFile, "utf8"));
  for (const file of r.testResults ?? []) {
    const where = path.relative(process.cwd(), file.name);
    const failed = (file.assertionResults ?? []).filter((a) => a.status === "failed");
    for (const a of failed) noteFailure(suite, [where, ...(a.ancestorTitles ?? []), a.title].join(" › "));
    if (file.status === "failed" && failed.length === 0) noteFailure(suite, `${where} (the file failed to run)`);
  }
  if (status !== 0 && r.numFailedTests === 0) noteFailure(suite, `exited with ${status} and no failed test`);
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests + (status !== 0 && r.numFailedTests === 0 ? 1 : 0);
  totals.skipped += r.numPendingTests + r.numTodoTests;
}

/** @param {{passed: number, failed: number, skipped: number}} totals */
export function addPlaywright(totals, jsonFile, status, suite = "playwright") {
  if (!fs.existsSync(jsonFile)) return void ((totals.failed += 1), noteFailure(suite, "wrote no report"));
  const report = JSON.parse(fs.readFileSync(jsonFile, "utf8"));
  const s = report.stats;
  const walk = (node, titles) => {
    for (const spec of node.specs ?? []) {
      if (spec.tests?.some((t) => t.status === "unexpected")) noteFailure(suite, `${spec.file}:${spec.line} › ${[...titles, spec.title].join(" › ")}`);
    }
    for (const child of node.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const top of report.suites ?? []) walk(top, []);
  if (status !== 0 && s.unexpected === 0) noteFailure(suite, `exited with ${status} and no failed test`);
  totals.passed += s.expected + s.flaky;
  totals.failed += s.unexpected + (status !== 0 && s.unexpected === 0 ? 1 : 0);
  totals.skipped += s.skipped;
}
