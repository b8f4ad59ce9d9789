import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { type Engine, engineOf } from "./url";

/** Each engine's migrations: SQLite's by `prisma migrate deploy`, PostgreSQL's by `migratePostgres` (decision 0045). */
export function migrationsDir(engine: Engine = engineOf()): string {
  return engine === "postgresql" ? path.resolve("prisma", "postgresql", "migrations") : path.resolve("prisma", "migrations");
}

/** The migration folders shipped with this release (<dir>/<name>/migration.sql), in order. */
export function shippedMigrations(dir = migrationsDir()): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

// Prisma's own bookkeeping table, column for column, so `prisma migrate status` and the health check read it.
const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;
/** The advisory lock key `prisma migrate` takes, so two deploys (ours or Prisma's) never interleave. */
const LOCK_KEY = 72707369;

/**
 * `prisma migrate deploy` through the pg driver adapter fails on PostgreSQL's `name` type (prisma/orm#27403), so
 * PostgreSQL's migrations are applied here: in name order, each in its own transaction (PostgreSQL's DDL is
 * transactional, so a failed one leaves nothing behind), recorded in `_prisma_migrations` with Prisma's checksum.
 * Returns the names applied now.
 */
export async function migratePostgres(url: string, dir = migrationsDir("postgresql")): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(BOOKKEEPING);
    const { rows } = await client.query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null; checksum: string }>(
      'SELECT migration_name, finished_at, rolled_back_at, checksum FROM "_prisma_migrations"',
    );
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) throw new Error(`migration ${failed.migration_name} failed earlier: resolve it before deploying`);
    const done = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]));
    const applied: string[] = [];
    for (const name of shippedMigrations(dir)) {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = crypto.createHash("sha256").update(sql).digest("hex");
      if (done.has(name)) {
        if (done.get(name) !== checksum) console.warn(`migration ${name} was changed after it was applied`);
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          'INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES ($1, $2, now(), $3, 1)',
          [crypto.randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${name} failed: ${(error as Error).message}`);
      }
      applied.push(name);
    }
    return applied;
  } finally {
    await client.end();
  }
}
