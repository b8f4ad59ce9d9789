import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import pg from "pg";
import { engineOf } from "../app/db/url";
import { startPostgres } from "../scripts/pg-cluster.mjs";

/**
 * Benchmarks run the production build on loopback and compare each scenario with a bare
 * baseline route measured in the same run (the machine is noisy: ratios, not absolute times).
 */
export type Measure = { rps: number; p50_ms: number; p99_ms: number; requests: number; errors: number };
export type Baseline = "hello" | "insert";

export type Engine = "sqlite" | "postgresql";

/** Rows the bench reads or writes beside the server, on its engine (see `openQuery`). */
export type Query = {
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<void>;
};

/** Where a scenario runs: the engine and how many web processes serve it (WEB_CONCURRENCY). */
export type Setup = { engine: Engine; processes: number };
export type ServerOptions = Partial<Setup> & { env?: Record<string, string> };

/** Issue 21's comparison: SQLite with one process against PostgreSQL with two, in the same run. */
export const BOTH: Setup[] = [
  { engine: "sqlite", processes: 1 },
  { engine: "postgresql", processes: 2 },
];

/** "sqlite1", "pg2": a setup's name in results (`pg2_over_sqlite1`). */
export function setupName(setup: Setup): string {
  return `${setup.engine === "postgresql" ? "pg" : "sqlite"}${setup.processes}`;
}

/** `databaseUrl` is for a Prisma client of the bench's own (createDb); `db` for plain SQL. */
export type Server = { url: string; engine: Engine; processes: number; databaseUrl: string; db: Query; stop(): Promise<void> };

/** `smoke`: `npm run bench -- --smoke` runs every scenario briefly and small (CI), writing no results. */
export type Mode = { smoke: boolean };

export type Scenario = {
  name: string;
  description: string;
  baseline: Baseline;
  /**
   * Runs on each of these, in the same bench run (default SQLite with one process); the first one's figures
   * are the result's own, each other's throughput over the first's is recorded beside them.
   */
  setups?: Setup[];
  /** The throughput the second setup must reach over the first's, with no error anywhere (recorded as met or not). */
  targetRatio?: number;
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

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

let sqliteTemplate: string | undefined;

/** Migrates and seeds one SQLite file per bench run; each SQLite server starts from a copy of it. */
function seededSqliteTemplate(): string {
  if (!sqliteTemplate) {
    sqliteTemplate = path.join(TMP, `template-${process.pid}.db`);
    const env = { ...process.env, DATABASE_URL: `file:${sqliteTemplate}` };
    execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env, stdio: "pipe" });
    execFileSync("node_modules/.bin/tsx", ["prisma/seed.ts"], { env, stdio: "pipe" });
    const file = sqliteTemplate;
    process.on("exit", () => fs.rmSync(file, { force: true }));
  }
  return sqliteTemplate;
}

type Postgres = { adminUrl: string; settings: Record<string, string> };
let postgres: Promise<Postgres> | undefined;
const PG_TEMPLATE = "ocop_bench_template";
let pgDatabases = 0;

/** The URL of database `name` on the cluster whose maintenance database `adminUrl` names. */
function pgUrlOf(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function pgAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * One PostgreSQL cluster per bench run (scripts/pg-cluster.mjs, or PG_URL's server), started with its crash-safe
 * settings — the test cluster's fsync=off would flatter PostgreSQL against SQLite's synchronous=FULL (decision
 * 0051) — and one migrated, seeded template database in it; each PostgreSQL server gets a copy (CREATE DATABASE … TEMPLATE).
 */
function startedPostgres(): Promise<Postgres> {
  postgres ??= (async () => {
    const cluster = await startPostgres({ durable: true });
    process.on("exit", () => cluster.stop());
    await pgAdmin(cluster.url, `DROP DATABASE IF EXISTS ${PG_TEMPLATE} WITH (FORCE)`);
    await pgAdmin(cluster.url, `CREATE DATABASE ${PG_TEMPLATE}`);
    const env = { ...process.env, DATABASE_URL: pgUrlOf(cluster.url, PG_TEMPLATE) };
    execFileSync("node_modules/.bin/tsx", ["scripts/db-migrate.ts"], { env, stdio: "pipe" });
    execFileSync("node_modules/.bin/tsx", ["prisma/seed.ts"], { env, stdio: "pipe" });
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    const { rows } = await client.query<{ name: string; setting: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'server_version')",
    );
    await client.end();
    return { adminUrl: cluster.url, settings: Object.fromEntries(rows.map((r) => [r.name, r.setting])) };
  })();
  return postgres;
}

/** How each engine stores a commit in the bench, for the results (decision 0051). */
export async function engineSettings(engine: Engine): Promise<Record<string, string>> {
  if (engine === "sqlite") return { journal_mode: "WAL", synchronous: "FULL" }; // app/db/db.server.ts
  return (await startedPostgres()).settings;
}

/** A fresh database for one server: a copy of the seeded template, and how to throw it away. */
async function freshDatabase(engine: Engine): Promise<{ url: string; drop(): Promise<void> }> {
  fs.mkdirSync(TMP, { recursive: true });
  if (engine === "sqlite") {
    const file = path.join(TMP, `bench-${Date.now()}.db`);
    fs.copyFileSync(seededSqliteTemplate(), file); // the seed closed it: no -wal to copy
    return { url: `file:${file}`, drop: async () => ["", "-wal", "-shm"].forEach((s) => fs.rmSync(file + s, { force: true })) };
  }
  const { adminUrl } = await startedPostgres();
  const name = `ocop_bench_${process.pid}_${++pgDatabases}`;
  await pgAdmin(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE}`);
  return { url: pgUrlOf(adminUrl, name), drop: () => pgAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * The bench's own look at the server's database, on either engine: `?` placeholders (made `$1…` on PostgreSQL),
 * "PascalCase" table and "camelCase" column names quoted (both engines accept them), CASE rather than boolean
 * arithmetic; counts and sums come back as numbers on both.
 */
function openQuery(url: string): Query & { close(): Promise<void> } {
  if (engineOf(url) === "sqlite") {
    let handle: Database.Database | undefined;
    const open = () => (handle ??= new Database(url.replace(/^file:/, ""), { timeout: 5000 }));
    return {
      all: async <T>(sql: string, params: unknown[] = []) =>
        open()
          .prepare(sql)
          .all(...params) as T[],
      run: async (sql, params = []) =>
        void open()
          .prepare(sql)
          .run(...params),
      close: async () => void handle?.close(),
    };
  }
  let client: Promise<pg.Client> | undefined;
  const numeric = (value: string) => Number(value);
  const types = { getTypeParser: (oid: number, format?: "text" | "binary") => (oid === 20 || oid === 1700 ? numeric : pg.types.getTypeParser(oid, format)) };
  const connected = () =>
    (client ??= (async () => {
      const c = new pg.Client({ connectionString: url, types: types as pg.CustomTypesConfig, options: "-c TimeZone=UTC" });
      await c.connect();
      return c;
    })());
  const placeholders = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  return {
    all: async <T>(sql: string, params: unknown[] = []) => (await (await connected()).query(placeholders(sql), params)).rows as T[],
    run: async (sql, params = []) => void (await (await connected()).query(placeholders(sql), params)),
    close: async () => void (client && (await (await client).end())),
  };
}

/** A worker that has not called listen yet gets no connection: give the last forked one time to (decision 0051). */
const WORKERS_START_MS = 3000;

/**
 * Starts the production server on a fresh copy of the seeded database of `engine` (SQLite by default), with
 * `processes` web processes (WEB_CONCURRENCY; more than one on PostgreSQL only); `env` adds to its environment.
 */
export async function startServer({ engine = "sqlite", processes = 1, env: extraEnv = {} }: ServerOptions = {}): Promise<Server> {
  const database = await freshDatabase(engine);
  const env = { ...process.env, DATABASE_URL: database.url, ...(processes > 1 ? { WEB_CONCURRENCY: String(processes) } : {}) };
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
  if (processes > 1) await new Promise((r) => setTimeout(r, WORKERS_START_MS));
  const db = openQuery(database.url);
  return {
    url,
    engine,
    processes,
    databaseUrl: database.url,
    db,
    stop: async () => {
      await db.close();
      await new Promise((resolve) => {
        child.once("exit", resolve);
        child.kill("SIGTERM");
      });
      await database.drop();
    },
  };
}

export async function measure(opts: autocannon.Options): Promise<Measure> {
  const started = performance.now();
  let lastAnswer = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ connections: 10, duration: 5, ...opts }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", () => (lastAnswer = performance.now()));
  });
  // Throughput is answers over the time they took. Not autocannon's `requests.average`: that is the mean of
  // whole-second buckets, so a fixed-amount burst that ends within a second counts as "amount per second"
  // whatever its speed (210 check-ins read as 210/s in 0.4 s or in 0.9 s), and its `duration` waits for the
  // next one-second tick after the last answer.
  const seconds = Math.max(lastAnswer - started, 1) / 1000;
  // autocannon counts its own failures (connection errors, timeouts) apart from non-2xx answers
  return {
    rps: Math.round((result.requests.total / seconds) * 10) / 10,
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
