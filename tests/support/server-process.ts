import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { type Db, createDb } from "~/db/db.server";
import { TEMPLATE_NAME, createDatabase, dropDatabase, onPostgres, pgUrlOf } from "./pg";

/**
 * The production server (`node server.js` on the built app) as a child process on a free port,
 * with its stdout kept line by line — for what only the real server does: compression, static
 * files, request logs, request ids, shutdown.
 */
export type ServerProcess = {
  url: string;
  port: number;
  dbFile: string;
  /** Every line the server printed so far (JSON lines from pino). */
  lines: () => string[];
  logLines: () => Record<string, unknown>[];
  /** Sends the signal and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
  child: ChildProcess;
};

const TMP = path.resolve("tests/.tmp");

/** A fresh copy of the migrated, seeded template database (or `dbFile` as given). */
export function copyOfTemplate(): string {
  const file = path.join(TMP, `server-${crypto.randomBytes(4).toString("hex")}.db`);
  fs.copyFileSync(path.join(TMP, "template.db"), file);
  return file;
}

/** Removes a SQLite copy, or drops a PostgreSQL one (a name without a slash, see startServer). */
export function removeDb(file: string): Promise<void> {
  if (onPostgres && !file.includes("/")) return dropDatabase(file);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  return Promise.resolve();
}

/** A Prisma client on a server's database (a SQLite file, or a PostgreSQL database's name): disconnect it after. */
export function serverDb(dbFile: string): Db {
  return createDb(onPostgres && !dbFile.includes("/") ? pgUrlOf(dbFile) : `file:${dbFile}`);
}

/** On PostgreSQL (`npm run test:pg`) the server gets its own copy of the template database, named in `dbFile`. */
export async function startServer(opts: { dbFile?: string; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  let dbFile = opts.dbFile;
  let url = `file:${dbFile}`;
  if (!dbFile && onPostgres) {
    dbFile = `ocop_t_server_${crypto.randomBytes(4).toString("hex")}`;
    await createDatabase(dbFile, TEMPLATE_NAME);
    url = pgUrlOf(dbFile);
  } else {
    dbFile ??= copyOfTemplate();
    url = `file:${dbFile}`;
  }
  const child = spawn("node", ["server.js"], {
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: "0", DATABASE_URL: url, BENCH: "", LOG_LEVEL: "info", ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out: string[] = [];
  let partial = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop()!;
    out.push(...parts);
  });
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const started = out.map(parse).find((l) => typeof l?.port === "number");
      if (started) {
        clearInterval(timer);
        resolve(started.port as number);
      }
    }, 25);
    exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`server.js exited with ${code} before listening:\n${stderr}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dbFile,
    child,
    lines: () => [...out],
    logLines: () => out.map(parse).filter((l): l is Record<string, unknown> => l !== null),
    stop: (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

function parse(line: string): Record<string, unknown> | null {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; raw: Buffer; body: string };

/** One request with node:http, so the bytes on the wire (and Content-Encoding) are what we see. */
export function request(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? "GET", headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, headers: res.headers, raw, body: decode(raw, res.headers["content-encoding"]).toString("utf8") });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

export function decode(raw: Buffer, encoding: string | undefined): Buffer {
  if (encoding === "br") return zlib.brotliDecompressSync(raw);
  if (encoding === "gzip") return zlib.gunzipSync(raw);
  return raw;
}

/** Logs in through the real form; returns the session cookie ("ocop_session=…"). */
export async function loginCookie(url: string, identifier: string, password: string): Promise<string> {
  const res = await request(`${url}/dang-nhap`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url },
    body: new URLSearchParams({ identifier, password }).toString(),
  });
  const cookie = [res.headers["set-cookie"] ?? []].flat().find((c) => c.startsWith("ocop_session="));
  if (!cookie) throw new Error(`login failed: ${res.status}`);
  return cookie.split(";")[0];
}
