// npm run test:crash [-- --postgres] — kills the production server with SIGKILL in the middle of a
// burst of writes and checks that every write that was acknowledged is in the database and that
// nothing is half-written.
// - SQLite (default): the one server process is killed and restarted on the same file (recovery runs on
//   open); PRAGMA integrity_check must say ok.
// - --postgres: a private PostgreSQL (scripts/pg-cluster.mjs) and WEB_CONCURRENCY=2; one of the two
//   worker processes is killed, the other goes on serving, the supervisor starts a new one, and the
//   job lease the dead worker may hold passes to a live one (docs/decisions/0047).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { createDb } from "../app/db/db.server";
import { COURSE } from "../prisma/demo-data";
import { startSmtp } from "../tests/support/smtp";
import { crashDrivers, outboxMail } from "./crash-drivers";
import { startPostgres } from "./pg-cluster.mjs";

const onPostgres = process.argv.includes("--postgres");
const dir = path.resolve("bench/.tmp");
fs.mkdirSync(dir, { recursive: true });
const dbFile = path.join(dir, "crash.db");
let databaseUrl = `file:${dbFile}`;
let stopPostgres = () => {};
if (onPostgres) {
  const pg = await startPostgres();
  stopPostgres = pg.stop;
  const admin = createDb(pg.url);
  await admin.$executeRawUnsafe("DROP DATABASE IF EXISTS ocop_crash WITH (FORCE)");
  await admin.$executeRawUnsafe("CREATE DATABASE ocop_crash");
  await admin.$disconnect();
  databaseUrl = pg.url.replace(/\/postgres$/, "/ocop_crash");
} else {
  for (const s of ["", "-wal", "-shm"]) fs.rmSync(dbFile + s, { force: true });
}
const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", HOST: "127.0.0.1" };
if (onPostgres) env.WEB_CONCURRENCY = "2";
execFileSync("node_modules/.bin/tsx", ["scripts/db-migrate.ts"], { env, stdio: "pipe" });
execFileSync("node_modules/.bin/tsx", ["prisma/seed.ts"], { env, stdio: "pipe" });
if (!fs.existsSync("build/index.js")) execFileSync("npm", ["run", "build"], { stdio: "inherit" });

// A real SMTP server for the outbox's email, slow enough (each message 20 ms) that the kill lands among sends. Short
// leases: the killed process may hold the outbox job's lease (JOB_LEASE_MS) and rows it was sending (OUTBOX_LEASE_MS);
// a live one takes both over once they run out, well inside the 30 s the drain is given below.
const smtp = await startSmtp(0, { delayMs: 20 });
outboxMail.received = smtp.received;
Object.assign(env, { SMTP_URL: smtp.url, MAIL_FROM: "crash@ocop.test", OUTBOX_MS: "200", OUTBOX_LEASE_MS: "2000", JOB_LEASE_MS: "2000" });

const port = 3390 + Math.floor(Math.random() * 100);
const base = `http://127.0.0.1:${port}`;

async function start(): Promise<ChildProcess> {
  const child = spawn("node", ["server.js"], { env: { ...env, PORT: String(port) }, stdio: "ignore" });
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${base}/dang-nhap`)).ok && (!onPostgres || workersOf(child).length === 2)) return child;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}

/** The supervisor's worker processes (WEB_CONCURRENCY=2). */
function workersOf(primary: ChildProcess): number[] {
  const file = `/proc/${primary.pid}/task/${primary.pid}/children`;
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

const db = createDb(databaseUrl);
let server = await start();
for (const driver of crashDrivers) await driver.setup?.(base, db);
const acknowledged: { driver: string; key: string; at: number }[] = [];
let attempted = 0;
let killed = false;
const deadline = Date.now() + 4000;
const killAt = Date.now() + 1500 + Math.floor(Math.random() * 1000);
const killer = new Promise<void>((resolve) =>
  setTimeout(() => {
    if (onPostgres) process.kill(workersOf(server)[0], "SIGKILL");
    else server.kill("SIGKILL");
    killed = true;
    resolve();
  }, killAt - Date.now()),
);

const workers = crashDrivers.flatMap((driver) =>
  Array.from({ length: driver.concurrency }, async (_, w) => {
    for (let i = 0; Date.now() < deadline; i++) {
      const key = `${w}-${i}`;
      attempted++;
      try {
        if (await driver.write(base, key)) acknowledged.push({ driver: driver.name, key, at: Date.now() });
      } catch {
        // the killed process's connections reset: not acknowledged; on SQLite nothing answers until the restart
        if (killed && !onPostgres) return;
      }
    }
  }),
);
await Promise.all([...workers, killer]);
const perDriver = crashDrivers.map((d) => `${d.name} ${acknowledged.filter((a) => a.driver === d.name).length}`).join(", ");
const what = onPostgres ? "One of two workers killed" : "Server killed";
console.log(`${what} with SIGKILL after ${acknowledged.length} acknowledged writes (${perDriver}; ${attempted} attempted).`);

const problems: string[] = [];
for (const driver of crashDrivers) {
  if (!acknowledged.some((a) => a.driver === driver.name)) problems.push(`${driver.name}: no write was acknowledged, so nothing was tested`);
}
if (onPostgres) {
  // the other worker served on: writes were acknowledged after the kill, and the supervisor is back to two
  const afterKill = acknowledged.filter((a) => a.at > killAt).length;
  if (afterKill === 0) problems.push("no write was acknowledged after one worker was killed");
  for (let i = 0; i < 100 && workersOf(server).length < 2; i++) await new Promise((r) => setTimeout(r, 100));
  if (workersOf(server).length !== 2) problems.push(`${workersOf(server).length} workers after the kill, not 2`);
  console.log(`${afterKill} writes acknowledged by the surviving worker after the kill.`);
} else {
  server = await start(); // restart on the same file (recovery runs on open)
}
// the outbox drains: wait (at most 30 s) until no email is waiting or being sent
for (let i = 0; i < 300; i++) {
  if ((await db.delivery.count({ where: { status: { in: ["PENDING", "SENDING"] } } })) === 0) break;
  await new Promise((r) => setTimeout(r, 100));
}
server.kill("SIGTERM");
await new Promise((r) => server.once("exit", r));
await smtp.close();
if (!onPostgres) {
  await db.$disconnect();
  const file = new Database(dbFile);
  const integrity = file.pragma("integrity_check", { simple: true });
  file.close();
  if (integrity !== "ok") problems.push(`integrity_check: ${String(integrity)}`);
}
for (const driver of crashDrivers) {
  const mine = acknowledged.filter((a) => a.driver === driver.name).map((a) => a.key);
  problems.push(...(await driver.verify(db, mine)));
}
await db.$disconnect();
stopPostgres();
if (problems.length) {
  console.error(`CRASH TEST FAILED:\n- ${problems.join("\n- ")}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const checked = onPostgres ? "on PostgreSQL with two workers" : "integrity_check ok";
console.log(`${checked}; every acknowledged write is present and whole (${COURSE.code}).`);
console.log("1 passed, 0 failed");
