// A PostgreSQL server for the test passes (`npm run test:pg`, decision 0045): PG_URL when given, otherwise — as root
// with apt — Debian's `postgresql` package and a private cluster under tests/.tmp/pg owned by the `postgres` user,
// on a free port, with a role `ocop` that may create databases. No systemd: `pg_ctl` starts and stops it.
// The cluster is for tests only: fsync is off (a crash loses it, and the next run makes a new one); `durable: true`
// keeps PostgreSQL's own crash-safe defaults (fsync, synchronous_commit, full_page_writes, autovacuum) for the bench.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve("tests/.tmp/pg");
const DATA = path.join(ROOT, "data");
const PASSWORD = "ocop-test";

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function binDir() {
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], "bin") : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts (or reuses) the private cluster; returns { url, stop } — `url` names the `postgres` maintenance database. */
export async function startPostgres({ durable = false } = {}) {
  if (process.env.PG_URL) return { url: process.env.PG_URL, stop: () => {}, owned: false };
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error("PostgreSQL tests need PG_URL=postgresql://user:password@host:port/postgres (a role that may CREATE DATABASE), or root with apt-get.");
    process.exit(2);
  }
  let bin = binDir();
  if (!bin) {
    if (!fs.existsSync("/usr/bin/apt-get")) throw new Error("PostgreSQL is not installed and apt-get is missing: set PG_URL");
    console.log("PostgreSQL not found: installing Debian's postgresql with apt-get…");
    sh("apt-get", ["update", "-qq"]);
    sh("apt-get", ["install", "-y", "-qq", "postgresql"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    bin = binDir();
    if (!bin) throw new Error("apt-get install postgresql did not provide pg_ctl");
  }
  const user = sh("id", ["-u", "postgres"]).trim();
  const group = sh("id", ["-g", "postgres"]).trim();
  const asPostgres = { uid: Number(user), gid: Number(group), cwd: os.tmpdir() };
  const pgCtl = path.join(bin, "pg_ctl");
  // a cluster left running by an interrupted run is stopped and thrown away
  if (fs.existsSync(path.join(DATA, "postmaster.pid"))) spawnSync(pgCtl, ["-D", DATA, "stop", "-m", "immediate"], { ...asPostgres, stdio: "ignore" });
  fs.rmSync(ROOT, { recursive: true, force: true });
  fs.mkdirSync(DATA, { recursive: true });
  fs.chownSync(ROOT, Number(user), Number(group));
  fs.chownSync(DATA, Number(user), Number(group));
  sh(path.join(bin, "initdb"), ["-D", DATA, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"], asPostgres);
  const port = await freePort();
  const fast = durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off";
  const settings = `-p ${port} -k ${ROOT} -c listen_addresses=127.0.0.1 -c max_connections=300 -c TimeZone=UTC${fast}`;
  sh(pgCtl, ["-D", DATA, "-l", path.join(ROOT, "server.log"), "-w", "-o", settings, "start"], asPostgres);
  const psql = (sql) =>
    sh(path.join(bin, "psql"), ["-h", ROOT, "-p", String(port), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql], asPostgres);
  psql(`CREATE ROLE ocop LOGIN CREATEDB PASSWORD '${PASSWORD}'`);
  const stop = () => spawnSync(pgCtl, ["-D", DATA, "stop", "-m", "fast"], { ...asPostgres, stdio: "ignore" });
  return { url: `postgresql://ocop:${PASSWORD}@127.0.0.1:${port}/postgres`, stop, owned: true };
}
