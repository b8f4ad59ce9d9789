import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sqlitePath } from "~/db/backup.server";
import { databaseUrl, engineOf } from "~/db/url";

/**
 * Where attachments live: ATTACHMENTS_DIR, or an `attachments` folder next to the SQLite file (`data/attachments`
 * on PostgreSQL)
 * (docs/decisions/0034) — never under public/, so only the download route serves them. A file is
 * named by its SHA-256, so the same file uploaded twice is stored once, and a name cannot be guessed
 * or steer a path.
 */
export function attachmentsDir(): string {
  const configured = process.env.ATTACHMENTS_DIR;
  if (configured) return path.resolve(configured);
  if (engineOf() === "postgresql") return path.resolve("data", "attachments"); // no database file to sit beside
  return path.join(path.dirname(path.resolve(sqlitePath(databaseUrl()))), "attachments");
}

const STORAGE_NAME = /^[0-9a-f]{64}$/;

export function storedPath(storageName: string, dir = attachmentsDir()): string {
  if (!STORAGE_NAME.test(storageName)) throw new Error(`not a storage name: ${storageName}`);
  return path.join(dir, storageName);
}

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

/**
 * Writes the bytes under their checksum atomically: to a temporary file in the same folder, flushed
 * to disk, then renamed over the final name. A reader never sees half a file, and a crash leaves at
 * most a stray temporary file.
 */
export function writeStored(storageName: string, bytes: Uint8Array, dir = attachmentsDir()): void {
  const final = storedPath(storageName, dir);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${storageName}.${crypto.randomBytes(6).toString("hex")}.tmp`);
  const fd = fs.openSync(tmp, "w", 0o640);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, final);
}

export function removeStored(storageName: string, dir = attachmentsDir()): void {
  fs.rmSync(storedPath(storageName, dir), { force: true });
}

/** The stored file's bytes, or null when it is missing. */
export function readStored(storageName: string, dir = attachmentsDir()): Buffer | null {
  try {
    return fs.readFileSync(storedPath(storageName, dir));
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return null;
    throw error;
  }
}
