// npm run test:crash — kills the production server with SIGKILL in the middle of a burst of
// writes, restarts it, and checks that every write that was acknowledged is in the database,
// that nothing is half-written, and that PRAGMA integrity_check says ok.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { COURSE } from "../prisma/demo-data";
import { startSmtp } from "../tests/support/smtp";
import { crashDrivers, outboxMail } from "./crash-drivers";

const dir = path.resolve("bench/.tmp");
fs.mkdirSync(dir, { recursive: true });
const dbFile = path.join(dir, "crash.db");
for (const s of ["", "-wal", "-shm"]) fs.rmSync(dbFile + s, { force: true });
const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${dbFile}`, NODE_ENV: "production", HOST: "127.0.0.1" };
execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env, stdio: "pipe" });
execFileSync("node_modules/.bin/tsx", ["prisma/seed.ts"], { env, stdio: "pipe" });
if (!fs.existsSync("build/index.js")) execFileSync("npm", ["run", "build"], { stdio: "inherit" });

// A real SMTP server for the outbox's email, slow enough (each message 20 ms) that the kill lands among sends. Short
// leases: the killed process may hold the outbox job's lease (JOB_LEASE_MS) and rows it was sending (OUTBOX_LEASE_MS);
// the restarted one takes both over once they run out, well inside the 30 s the drain is given below.
const smtp = await startSmtp(0, { delayMs: 20 });
outboxMail.received = smtp.received;
Object.assign(env, { SMTP_URL: smtp.url, MAIL_FROM: "crash@ocop.test", OUTBOX_MS: "200", OUTBOX_LEASE_MS: "2000", JOB_LEASE_MS: "2000" });

const port = 3390 + Math.floor(Math.random() * 100);
const base = `http://127.0.0.1:${port}`;

async function start(): Promise<ChildProcess> {
  const child = spawn("node", ["server.js"], { env: { ...env, PORT: String(port) }, stdio: "ignore" });
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${base}/dang-nhap`)).ok) return child;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}

let server = await start();
for (const driver of crashDrivers) await driver.setup?.(base, dbFile);
const acknowledged: { driver: string; key: string }[] = [];
let attempted = 0;
const deadline = Date.now() + 4000;
const killAt = Date.now() + 1500 + Math.floor(Math.random() * 1000);
const killer = new Promise<void>((resolve) =>
  setTimeout(() => {
    server.kill("SIGKILL");
    resolve();
  }, killAt - Date.now()),
);

const workers = crashDrivers.flatMap((driver) =>
  Array.from({ length: driver.concurrency }, async (_, w) => {
    for (let i = 0; Date.now() < deadline; i++) {
      const key = `${w}-${i}`;
      attempted++;
      try {
        if (await driver.write(base, key)) acknowledged.push({ driver: driver.name, key });
      } catch {
        if (server.killed) return; // connection refused after the kill: not acknowledged
      }
    }
  }),
);
await Promise.all([...workers, killer]);
const perDriver = crashDrivers.map((d) => `${d.name} ${acknowledged.filter((a) => a.driver === d.name).length}`).join(", ");
console.log(`Server killed with SIGKILL after ${acknowledged.length} acknowledged writes (${perDriver}; ${attempted} attempted).`);

// Restart on the same file (recovery runs on open), then check from a separate connection.
server = await start();
// the outbox drains after the restart: wait (at most 30 s) until no email is waiting or being sent
const watch = new Database(dbFile, { readonly: true });
for (let i = 0; i < 300; i++) {
  const { n } = watch.prepare(`SELECT count(*) AS n FROM "Delivery" WHERE status IN ('PENDING', 'SENDING')`).get() as { n: number };
  if (n === 0) break;
  await new Promise((r) => setTimeout(r, 100));
}
watch.close();
server.kill("SIGTERM");
await new Promise((r) => server.once("exit", r));
await smtp.close();
const db = new Database(dbFile);
const integrity = db.pragma("integrity_check", { simple: true });
const problems: string[] = [];
if (integrity !== "ok") problems.push(`integrity_check: ${String(integrity)}`);
for (const driver of crashDrivers) {
  const mine = acknowledged.filter((a) => a.driver === driver.name).map((a) => a.key);
  problems.push(...driver.verify(db, mine));
}
db.close();
if (problems.length) {
  console.error(`CRASH TEST FAILED:\n- ${problems.join("\n- ")}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}
console.log(`integrity_check ok; every acknowledged write is present and whole (${COURSE.code}).`);
console.log("1 passed, 0 failed");
