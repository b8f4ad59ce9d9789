import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import autocannon from "autocannon";

/**
 * Benchmarks run the production build on loopback and compare each scenario with a bare
 * baseline route measured in the same run (the machine is noisy: ratios, not absolute times).
 */
export type Measure = { rps: number; p50_ms: number; p99_ms: number; requests: number; errors: number };
export type Baseline = "hello" | "insert";

export type Server = { url: string; dbFile: string; stop(): Promise<void> };

/** `smoke`: `npm run bench -- --smoke` runs every scenario briefly and small (CI), writing no results. */
export type Mode = { smoke: boolean };

export type Scenario = {
  name: string;
  description: string;
  baseline: Baseline;
  /**
   * True only when repeating the subject changes nothing it measures (a GET): it is then warmed
   * before it is measured. A subject that writes is measured cold, so its `verify` can count
   * what the measured requests did.
   */
  repeatable?: true;
  /** Returns the autocannon options for the subject (url is filled in). */
  prepare(server: Server, mode: Mode): Promise<Partial<autocannon.Options>>;
  /**
   * A scripted load instead of autocannon (e.g. a whole class day); `prepare` then returns {}.
   * It may give its own `ratio` when subject/baseline requests per second says nothing of it.
   */
  run?(server: Server, mode: Mode): Promise<Measure & { ratio?: number; extra?: Record<string, unknown> }>;
  /** State read just before the measured phase (e.g. rows so far), handed to `verify`. */
  before?(server: Server): Promise<unknown>;
  /**
   * Checks after the measured phase that it did the work (e.g. "210 rows written by these
   * requests"); throw to fail. A subject that is not `repeatable` must have one.
   */
  verify?(server: Server, measured: Measure, before: unknown): Promise<Record<string, unknown> | void>;
};

const ROOT = path.resolve(".");
const TMP = path.join(ROOT, "bench/.tmp");

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

let template: string | undefined;

/** Migrates and seeds one database per bench run; each scenario starts from a copy of it. */
function seededTemplate(): string {
  if (!template) {
    template = path.join(TMP, `template-${process.pid}.db`);
    const env = { ...process.env, DATABASE_URL: `file:${template}` };
    execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env, stdio: "pipe" });
    execFileSync("node_modules/.bin/tsx", ["prisma/seed.ts"], { env, stdio: "pipe" });
    const file = template;
    process.on("exit", () => fs.rmSync(file, { force: true }));
  }
  return template;
}

/** Starts the production server on a copy of the seeded database; `extraEnv` adds to its environment (e.g. SMTP_URL). */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<Server> {
  fs.mkdirSync(TMP, { recursive: true });
  const dbFile = path.join(TMP, `bench-${Date.now()}.db`);
  const env = { ...process.env, DATABASE_URL: `file:${dbFile}` };
  fs.copyFileSync(seededTemplate(), dbFile); // the seed closed it: no -wal to copy
  if (!fs.existsSync("build/index.js") || !fs.existsSync("generated/content.json")) execFileSync("npm", ["run", "build"], { stdio: "inherit" });
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  // BENCH_SERVER_LOG=file: the server's request log (level info unless LOG_LEVEL says) goes to that
  // file, to read why requests failed; otherwise it logs warnings only to a pipe nobody reads.
  const logFile = process.env.BENCH_SERVER_LOG;
  const child: ChildProcess = spawn("node", [...(process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? []), "server.js"], {
    env: {
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      BENCH: "1",
      NODE_ENV: "production",
      ...extraEnv,
      ...(logFile ? { LOG_LEVEL: process.env.LOG_LEVEL ?? "info" } : {}),
    },
    stdio: ["ignore", logFile ? fs.openSync(logFile, "a") : "pipe", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    // up to a minute: a busy machine starts slowly
    try {
      if ((await fetch(`${url}/bench`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dbFile,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => {
          for (const s of ["", "-wal", "-shm"]) fs.rmSync(dbFile + s, { force: true });
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

export async function measure(opts: autocannon.Options): Promise<Measure> {
  const result = await autocannon({ connections: 10, duration: 5, ...opts });
  // autocannon counts its own failures (connection errors, timeouts) apart from non-2xx answers
  return {
    rps: Math.round(result.requests.average * 10) / 10,
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

export function baselineOptions(server: Server, kind: Baseline): autocannon.Options {
  return kind === "hello"
    ? { url: `${server.url}/bench` }
    : { url: `${server.url}/bench`, method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "" };
}

/** Logs in through the real form and returns the Cookie header value. */
export async function loginCookie(server: Server, identifier: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/dang-nhap`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
    body: new URLSearchParams({ identifier, password }),
  });
  const cookie = res.headers.get("set-cookie");
  if (res.status !== 302 || !cookie) throw new Error(`login failed for ${identifier}: ${res.status}`);
  return cookie.split(";")[0];
}

/** p-th percentile (0–100) of a list of durations, in whole milliseconds. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
}
