import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Backups use SQLite's online backup API: a consistent copy taken page by page while the
 * server keeps writing (WAL readers never block the writer). Restore checks the copy first.
 */
export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "");
}

export async function backupDatabase(dbFile: string, destination: string): Promise<{ file: string; bytes: number }> {
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const source = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(destination);
  } finally {
    source.close();
  }
  assertIntact(destination);
  return { file: destination, bytes: fs.statSync(destination).size };
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

/** Replaces the database file with a checked backup. The server must be stopped. */
export function restoreDatabase(backupFile: string, dbFile: string): void {
  assertIntact(backupFile);
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(dbFile + suffix, { force: true });
  const tmp = `${dbFile}.restoring`;
  fs.copyFileSync(backupFile, tmp);
  fs.renameSync(tmp, dbFile);
}

export function backupFileName(now = new Date()): string {
  return `ocop-${now.toISOString().replace(/[:.]/g, "-").slice(0, 19)}.db`;
}
