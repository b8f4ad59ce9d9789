// npm run bench [-- --only NAME]: runs each scenario against the production build and writes
// bench/results/NAME.json with the subject, the baseline measured in the same run, and their ratio.
import fs from "node:fs";
import path from "node:path";
import { baselineOptions, measure, startServer } from "./harness";
import { scenarios } from "./scenarios/index";

const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
const selected = scenarios.filter((s) => !only || s.name === only);
if (selected.length === 0) {
  console.error(`No scenario named "${only}". Known: ${scenarios.map((s) => s.name).join(", ")}`);
  process.exit(2);
}

fs.mkdirSync("bench/results", { recursive: true });
const rows: Record<string, string | number>[] = [];
let failed = false;

for (const scenario of selected) {
  const server = await startServer();
  try {
    const subjectOptions = await scenario.prepare(server);
    await measure({ ...baselineOptions(server, scenario.baseline), duration: 1 }); // warm-up
    // Warm the subject too when reading it changes nothing (a GET): a fresh server's first seconds
    // on a page run at half speed (JIT, caches), which measured the warm-up rather than the page.
    if (!scenario.run && (subjectOptions.method ?? "GET") === "GET") await measure({ url: server.url, ...subjectOptions, duration: 2 });
    const baseline = await measure(baselineOptions(server, scenario.baseline));
    const scripted = scenario.run ? await scenario.run(server) : null;
    const subject = scripted ?? (await measure({ url: server.url, ...subjectOptions }));
    const extra = (await scenario.verify?.(server)) ?? {};
    const result = {
      scenario: scenario.name,
      description: scenario.description,
      requests: subject.requests,
      errors: subject.errors,
      baseline: { rps: baseline.rps, p50_ms: baseline.p50_ms, p99_ms: baseline.p99_ms },
      subject: { rps: subject.rps, p50_ms: subject.p50_ms, p99_ms: subject.p99_ms },
      ratio: Math.round((subject.rps / baseline.rps) * 1000) / 1000,
      ...(scripted?.extra ?? {}),
      ...extra,
    };
    fs.writeFileSync(path.join("bench/results", `${scenario.name}.json`), JSON.stringify(result, null, 2) + "\n");
    rows.push({
      scenario: scenario.name,
      "baseline rps": baseline.rps,
      "subject rps": subject.rps,
      ratio: result.ratio,
      "p50 ms": subject.p50_ms,
      "p99 ms": subject.p99_ms,
      errors: subject.errors,
    });
    if (subject.errors > 0) failed = true;
  } catch (error) {
    console.error(`${scenario.name}: ${(error as Error).message}`);
    failed = true;
  } finally {
    await server.stop();
  }
}
console.table(rows);
process.exit(failed ? 1 : 0);
