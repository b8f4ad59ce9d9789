import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * A database as it stood before one migration, for the tests that run that migration on rows:
 * the committed SQL applied in order through better-sqlite3, as `prisma migrate deploy` applies it.
 */
const DIR = path.resolve("prisma/migrations");
const all = fs
  .readdirSync(DIR)
  .filter((d) => fs.existsSync(path.join(DIR, d, "migration.sql")))
  .sort();

export const migrationSql = (name: string) => fs.readFileSync(path.join(DIR, name, "migration.sql"), "utf8");

/** An in-memory database built from every migration before `migration`. */
export function databaseBefore(migration: string): Database.Database {
  const index = all.indexOf(migration);
  if (index < 0) throw new Error(`no migration ${migration}`);
  const db = new Database(":memory:");
  for (const name of all.slice(0, index)) db.exec(migrationSql(name));
  return db;
}

/** Inserts a row, filling the required columns the test does not care about. */
export function insertRow(db: Database.Database, table: string, values: Record<string, unknown>): number {
  const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }[];
  const row: Record<string, unknown> = { ...values };
  for (const c of columns) {
    if (c.name in row || !c.notnull || c.dflt_value !== null || c.pk) continue;
    row[c.name] = /INT|REAL|BOOL/i.test(c.type) ? 0 : /DATE/i.test(c.type) ? "2026-01-01T00:00:00.000Z" : `${c.name}-${Math.random()}`;
  }
  const names = Object.keys(row);
  const sql = `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")}) VALUES (${names.map(() => "?").join(", ")})`;
  return Number(db.prepare(sql).run(...names.map((n) => (typeof row[n] === "boolean" ? Number(row[n]) : row[n]))).lastInsertRowid);
}
