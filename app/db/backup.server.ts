import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type Engine, engineOf } from "./url";

/**
 * Backups use SQLite's online backup API: a consistent copy taken page by page while the
 * server keeps writing (WAL readers never block the writer). Restore checks the copy first.
 */
export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "");
}

/**
 * With `attachments` (the class files' folder, app/materials/storage.server.ts), the files the copy's
 * rows name are copied too, into `<backup>-files/` beside it (docs/decisions/0034). The database goes
 * first: a file is in place before its row commits, so every row of the copy had its file then.
 */
export async function backupDatabase(
  dbFile: string,
  destination: string,
  options: { attachments?: string } = {},
): Promise<{ file: string; bytes: number; files: number; missing: string[] }> {
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const source = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(destination);
  } finally {
    source.close();
  }
  assertIntact(destination);
  const { files, missing } = options.attachments ? copyAttachments(destination, options.attachments) : { files: 0, missing: [] };
  return { file: destination, bytes: fs.statSync(destination).size, files, missing };
}

/** Copies the files a backup's rows name into its `-files/` folder. */
function copyAttachments(backupFile: string, attachments: string): { files: number; missing: string[] } {
  const target = attachmentsBackupDir(backupFile);
  fs.mkdirSync(target, { recursive: true });
  let files = 0;
  const missing: string[] = [];
  for (const name of storedNames(backupFile)) {
    const from = path.join(attachments, name);
    if (!fs.existsSync(from))
      missing.push(name); // deleted since the copy was taken
    else {
      fs.copyFileSync(from, path.join(target, name));
      files++;
    }
  }
  return { files, missing };
}

/** Where a backup keeps its attachments: `ocop-….db` (or `.dump`) → `ocop-…-files/`. */
export function attachmentsBackupDir(backupFile: string): string {
  return `${backupFile.replace(/\.(db|dump)$/, "")}-files`;
}

/** The storage names a backup's attachment rows use: from the SQLite copy, or read out of a PostgreSQL dump. */
function storedNames(file: string): string[] {
  return file.endsWith(".dump") ? dumpedNames(file) : sqliteNames(file);
}

function sqliteNames(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'Attachment'").get() as { n: number };
    if (!table.n) return [];
    return (db.prepare('SELECT DISTINCT "storageName" AS name FROM "Attachment"').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

/** Puts a backup's attachments back, each checked against its checksum name first; returns how many. */
export function restoreAttachments(backupFile: string, attachments: string): number {
  const from = attachmentsBackupDir(backupFile);
  const names = storedNames(backupFile);
  fs.mkdirSync(attachments, { recursive: true });
  let restored = 0;
  for (const name of names) {
    const source = path.join(from, name);
    if (!fs.existsSync(source)) throw new Error(`${from} lacks the attachment ${name}`);
    const bytes = fs.readFileSync(source);
    if (crypto.createHash("sha256").update(bytes).digest("hex") !== name) throw new Error(`${source} does not match its checksum`);
    const tmp = path.join(attachments, `.${name}.restoring`);
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, path.join(attachments, name));
    restored++;
  }
  return restored;
}

export function assertIntact(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`integrity_check failed for ${file}: ${String(result)}`);
    const hasMigrations = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = '_prisma_migrations'").get() as { n: number };
    if (!hasMigrations.n) throw new Error(`${file} is not a database of this application`);
  } finally {
    db.close();
  }
}

/** Replaces the database file with a checked backup (and its attachments, when given). The server must be stopped. */
export function restoreDatabase(backupFile: string, dbFile: string, options: { attachments?: string } = {}): void {
  assertIntact(backupFile);
  // the files first: a restored row must never point at a missing file
  if (options.attachments) restoreAttachments(backupFile, options.attachments);
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(dbFile + suffix, { force: true });
  const tmp = `${dbFile}.restoring`;
  fs.copyFileSync(backupFile, tmp);
  fs.renameSync(tmp, dbFile);
}

export function backupFileName(now = new Date(), engine: Engine = engineOf()): string {
  return `ocop-${now.toISOString().replace(/[:.]/g, "-").slice(0, 19)}.${engine === "postgresql" ? "dump" : "db"}`;
}

/** pg_dump or pg_restore: on PATH, else the newest of Debian's /usr/lib/postgresql/<version>/bin. */
export function pgTool(name: "pg_dump" | "pg_restore"): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, "bin", name))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`${name} not found: install PostgreSQL's client tools (apt install postgresql-client)`);
  return path.join(base, newest, "bin", name);
}

/**
 * The URL as libpq's environment, so no password appears on a command line (`ps` shows those to every user). What
 * the URL leaves out keeps its inherited value (PGPASSWORD, or ~/.pgpass as libpq reads it).
 */
function pgEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const given = {
    PGHOST: decodeURIComponent(u.hostname.replace(/^\[|\]$/g, "")),
    PGPORT: u.port,
    PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
    PGSSLMODE: u.searchParams.get("sslmode") ?? "",
  };
  return { ...process.env, ...Object.fromEntries(Object.entries(given).filter(([, value]) => value)) };
}

function pg(name: "pg_dump" | "pg_restore", args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(pgTool(name), args, { env, encoding: "utf8", maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr || result.error?.message}`);
  return result.stdout;
}

/**
 * A dump is used only when it reads to the end (`--list` reads only its table of contents, which a cut file still
 * has) and holds our bookkeeping table, so it is a database of this application.
 */
export function assertDumpIntact(file: string): void {
  pg("pg_restore", ["--file=/dev/null", file]);
  if (!/ TABLE \S+ _prisma_migrations /.test(pg("pg_restore", ["--list", file]))) throw new Error(`${file} is not a database of this application`);
}

/** The Attachment rows' storage names in a dump, from its data section (no database needed). */
function dumpedNames(file: string): string[] {
  const lines = pg("pg_restore", ["--data-only", "--table=Attachment", "--file=-", file]).split("\n");
  const start = lines.findIndex((line) => /^COPY \S*"Attachment" \(/.test(line));
  if (start < 0) return [];
  const at = /\((.*)\) FROM stdin;$/
    .exec(lines[start])![1]
    .split(", ")
    .map((c) => c.replace(/"/g, ""))
    .indexOf("storageName");
  const names = new Set<string>();
  for (let i = start + 1; lines[i] !== "\\."; i++) names.add(lines[i].split("\t")[at]);
  return [...names];
}

/**
 * `pg_dump --format=custom`: one consistent snapshot while the server keeps serving, checked, then the files its
 * Attachment rows name beside it (as for SQLite, the database first).
 */
export async function backupPostgres(
  url: string,
  destination: string,
  options: { attachments?: string } = {},
): Promise<{ file: string; bytes: number; files: number; missing: string[] }> {
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  try {
    pg("pg_dump", ["--format=custom", `--file=${partial}`], pgEnv(url));
    assertDumpIntact(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  fs.renameSync(partial, destination);
  const { files, missing } = options.attachments ? copyAttachments(destination, options.attachments) : { files: 0, missing: [] };
  return { file: destination, bytes: fs.statSync(destination).size, files, missing };
}

/**
 * Restores a checked dump over the database in one transaction (`--single-transaction`): a dump that fails half
 * way leaves the database as it was (decision 0049). The files go first, as for SQLite. The server must be stopped.
 */
export function restorePostgres(backupFile: string, url: string, options: { attachments?: string } = {}): void {
  assertDumpIntact(backupFile);
  if (options.attachments) restoreAttachments(backupFile, options.attachments);
  const env = pgEnv(url);
  pg("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", `--dbname=${env.PGDATABASE ?? env.PGUSER}`, backupFile], env);
}
