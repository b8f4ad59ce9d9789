// npm run bench [-- --only NAME] [-- --smoke]: runs each scenario against the production build and
// writes bench/results/NAME.json with the subject, the baseline measured in the same run, and their
// ratio. --smoke runs every scenario briefly and small and writes nothing: it fails (exit 1) on
// any error or failed verify, so a broken scenario cannot land (.ci/run runs it).
import fs from "node:fs";
import path from "node:path";
import { type Measure, baselineOptions, measure, startServer } from "./harness";
import { scenarios } from "./scenarios/index";

const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
const mode = { smoke: process.argv.includes("--smoke") };
const selected = scenarios.filter((s) => !only || s.name === only);
if (selected.length === 0) {
  console.error(`No scenario named "${only}". Known: ${scenarios.map((s) => s.name).join(", ")}`);
  process.exit(2);
}
/** Seconds of each measured phase (autocannon's default otherwise; a scenario may set its own). */
const seconds = (full: number) => (mode.smoke ? 1 : full);

fs.mkdirSync("bench/results", { recursive: true });
const rows: Record<string, string | number>[] = [];
let failed = false;

for (const scenario of selected) {
  const server = await startServer();
  try {
    if (!scenario.repeatable && !scenario.verify) throw new Error("a subject that is not repeatable needs a verify that counts its work");
    const subjectOptions = await scenario.prepare(server, mode);
    await measure({ ...baselineOptions(server, scenario.baseline), duration: 1 }); // warm-up
    // A fresh server's first seconds on a page run at half speed (JIT, caches): warm the subject
    // too, but only when repeating it changes nothing (a GET), so what is verified is what was measured.
    if (!scenario.run && scenario.repeatable) await measure({ url: server.url, ...subjectOptions, duration: seconds(2) });
    const baseline = await measure({ ...baselineOptions(server, scenario.baseline), duration: seconds(5) });
    const before = await scenario.before?.(server);
    const scripted = scenario.run ? await scenario.run(server, mode) : null;
    const subject: Measure = scripted ?? (await measure({ url: server.url, duration: seconds(5), ...subjectOptions }));
    // a failed check is recorded with the figures (and fails the run), not left out of them
    let verifyFailed: string | undefined;
    const extra = (await scenario.verify?.(server, subject, before).catch((error: Error) => void (verifyFailed = error.message))) ?? {};
    const result = {
      scenario: scenario.name,
      description: scenario.description,
      requests: subject.requests,
      errors: subject.errors,
      baseline: { rps: baseline.rps, p50_ms: baseline.p50_ms, p99_ms: baseline.p99_ms },
      subject: { rps: subject.rps, p50_ms: subject.p50_ms, p99_ms: subject.p99_ms },
      ratio: scripted?.ratio ?? Math.round((subject.rps / baseline.rps) * 1000) / 1000,
      ...(scripted?.extra ?? {}),
      ...extra,
      ...(verifyFailed ? { verifyFailed } : {}),
    };
    if (!mode.smoke) fs.writeFileSync(path.join("bench/results", `${scenario.name}.json`), JSON.stringify(result, null, 2) + "\n");
    rows.push({
      scenario: scenario.name,
      "baseline rps": baseline.rps,
      "subject rps": subject.rps,
      ratio: result.ratio,
      "p50 ms": subject.p50_ms,
      "p99 ms": subject.p99_ms,
      errors: subject.errors,
    });
    if (subject.errors > 0 || verifyFailed) {
      console.error(`${scenario.name}: ${verifyFailed ?? `${subject.errors} of ${subject.requests} requests failed`}`);
      failed = true;
    }
  } catch (error) {
    console.error(`${scenario.name}: ${(error as Error).message}`);
    rows.push({ scenario: scenario.name, errors: "failed" });
    failed = true;
  } finally {
    await server.stop();
  }
}
console.table(rows);
if (mode.smoke) console.log(failed ? "bench smoke: FAILED" : `bench smoke: ${rows.length} scenarios ran without an error`);
process.exit(failed ? 1 : 0);
