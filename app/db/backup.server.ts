import crypto from "node:crypto";
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
  let files = 0;
  const missing: string[] = [];
  if (options.attachments) {
    const target = attachmentsBackupDir(destination);
    fs.mkdirSync(target, { recursive: true });
    for (const name of storedNames(destination)) {
      const from = path.join(options.attachments, name);
      if (!fs.existsSync(from))
        missing.push(name); // deleted since the copy was taken
      else {
        fs.copyFileSync(from, path.join(target, name));
        files++;
      }
    }
  }
  return { file: destination, bytes: fs.statSync(destination).size, files, missing };
}

/** Where a backup keeps its attachments: `ocop-….db` → `ocop-…-files/`. */
export function attachmentsBackupDir(backupFile: string): string {
  return `${backupFile.replace(/\.db$/, "")}-files`;
}

/** The storage names the database's attachment rows use (none for a database from before them). */
function storedNames(file: string): string[] {
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

export function backupFileName(now = new Date()): string {
  return `ocop-${now.toISOString().replace(/[:.]/g, "-").slice(0, 19)}.db`;
}
