// npm run bench [-- NAME…] [-- --smoke]: runs each scenario against the production build and writes
// bench/results/NAME.json with the subject, the baseline measured in the same run, and their ratio
// (`--only NAME` still names one). A scenario with several setups (engine × processes) runs on each in
// the same run; its first setup's figures stay the result's own, the others' go beside them with the
// throughput ratio (e.g. `pg2_over_sqlite1`). --smoke runs every scenario briefly and small and writes
// nothing: it fails (exit 1) on any error or failed verify, so a broken scenario cannot land (.ci/run runs it).
import fs from "node:fs";
import path from "node:path";
import { type Measure, type Scenario, type Setup, baselineOptions, engineSettings, measure, setupName, startServer } from "./harness";
import { scenarios } from "./scenarios/index";

const names = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const mode = { smoke: process.argv.includes("--smoke") };
const selected = scenarios.filter((s) => names.length === 0 || names.includes(s.name));
if (selected.length === 0 || selected.length < new Set(names).size) {
  console.error(`Unknown scenario in "${names.join(" ")}". Known: ${scenarios.map((s) => s.name).join(", ")}`);
  process.exit(2);
}
/** Seconds of each measured phase (autocannon's default otherwise; a scenario may set its own). */
const seconds = (full: number) => (mode.smoke ? 1 : full);
const SQLITE_1: Setup = { engine: "sqlite", processes: 1 };

fs.mkdirSync("bench/results", { recursive: true });
const rows: Record<string, string | number>[] = [];
let failed = false;

type Outcome = Record<string, unknown> & { requests: number; errors: number; subject: Omit<Measure, "requests" | "errors">; throughput_rps: number };

/** One scenario on one setup: baseline, subject, checks; a failed check is recorded with the figures and fails the run. */
async function runOn(scenario: Scenario, setup: Setup): Promise<Outcome> {
  const server = await startServer(setup);
  try {
    if (!scenario.repeatable && !scenario.verify) throw new Error("a subject that is not repeatable needs a verify that counts its work");
    const subjectOptions = await scenario.prepare(server, mode);
    await measure({ ...baselineOptions(server, scenario.baseline), duration: 1 }); // warm-up
    // A fresh server's first seconds on a page run at half speed (JIT, caches): warm the subject
    // too, but only when repeating it changes nothing (a GET), so what is verified is what was measured.
    if (!scenario.run && scenario.repeatable) await measure({ url: server.url, ...subjectOptions, duration: seconds(2) });
    const baseline = await measure({ ...baselineOptions(server, scenario.baseline), duration: seconds(5) });
    const before = await scenario.before?.(server);
    const started = performance.now();
    const scripted = scenario.run ? await scenario.run(server, mode) : null;
    const subject: Measure = scripted ?? (await measure({ url: server.url, duration: seconds(5), ...subjectOptions }));
    const elapsed = (performance.now() - started) / 1000;
    let verifyFailed: string | undefined;
    const extra = (await scenario.verify?.(server, subject, before).catch((error: Error) => void (verifyFailed = error.message))) ?? {};
    const label = scenario.setups ? `${scenario.name} (${setupName(setup)})` : scenario.name;
    rows.push({
      scenario: label,
      "baseline rps": baseline.rps,
      "subject rps": subject.rps,
      ratio: scripted?.ratio ?? Math.round((subject.rps / baseline.rps) * 1000) / 1000,
      "p50 ms": subject.p50_ms,
      "p99 ms": subject.p99_ms,
      errors: subject.errors,
    });
    if (subject.errors > 0 || verifyFailed) {
      console.error(`${label}: ${verifyFailed ?? `${subject.errors} of ${subject.requests} requests failed`}`);
      failed = true;
    }
    return {
      requests: subject.requests,
      errors: subject.errors,
      baseline: { rps: baseline.rps, p50_ms: baseline.p50_ms, p99_ms: baseline.p99_ms },
      subject: { rps: subject.rps, p50_ms: subject.p50_ms, p99_ms: subject.p99_ms },
      ratio: scripted?.ratio ?? Math.round((subject.rps / baseline.rps) * 1000) / 1000,
      // answers over the time they took (a scripted run: over its wall time)
      throughput_rps: scripted ? Math.round((subject.requests / elapsed) * 10) / 10 : subject.rps,
      ...(scripted?.extra ?? {}),
      ...extra,
      ...(verifyFailed ? { verifyFailed } : {}),
    };
  } finally {
    await server.stop();
  }
}

for (const scenario of selected) {
  try {
    const setups = scenario.setups ?? [SQLITE_1];
    const outcomes: Outcome[] = [];
    for (const setup of setups) outcomes.push(await runOn(scenario, setup));
    const [first, ...others] = outcomes;
    const result: Record<string, unknown> = { scenario: scenario.name, description: scenario.description, ...first };
    if (others.length > 0) {
      const short = setups.map(setupName);
      result.setups = Object.fromEntries(
        await Promise.all(setups.map(async (s, i) => [short[i], { ...outcomes[i], durability: await engineSettings(s.engine) }])),
      );
      for (const [i, other] of others.entries()) {
        const ratio = Math.round((other.throughput_rps / first.throughput_rps) * 1000) / 1000;
        result[`${short[i + 1]}_over_${short[0]}`] = ratio;
        if (scenario.targetRatio)
          result.target = {
            [`${short[i + 1]}_over_${short[0]}_at_least`]: scenario.targetRatio,
            errors: 0,
            met: ratio >= scenario.targetRatio && outcomes.every((o) => o.errors === 0),
          };
      }
    }
    if (!mode.smoke) fs.writeFileSync(path.join("bench/results", `${scenario.name}.json`), JSON.stringify(result, null, 2) + "\n");
  } catch (error) {
    console.error(`${scenario.name}: ${(error as Error).message}`);
    rows.push({ scenario: scenario.name, errors: "failed" });
    failed = true;
  }
}
console.table(rows);
if (mode.smoke) console.log(failed ? "bench smoke: FAILED" : `bench smoke: ${rows.length} runs without an error`);
process.exit(failed ? 1 : 0);
