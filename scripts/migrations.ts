import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PG_SCHEMA, SQLITE_SCHEMA, pgSchemaFrom } from "./pg-schema";

/**
 * `prisma migrate dev` does not work with the JS engine + better-sqlite3 (docs/decisions/0002),
 * so the next migration is computed offline: apply the committed migrations to a scratch file,
 * pull its schema back, and diff that against prisma/schema.prisma.
 */
const prisma = path.resolve("node_modules/.bin/prisma");

export function pendingMigrationSql(): string {
  return pendingMigrations().sqlite;
}

/**
 * The next migration of both engines (decision 0045). PostgreSQL's starts from the same migrated state: the schema
 * pulled from the scratch SQLite file, turned into its PostgreSQL variant like prisma/postgresql/schema.prisma.
 */
export function pendingMigrations(): { sqlite: string; postgresql: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-migrate-"));
  const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "scratch.db")}` };
  const diff = (from: string[], to: string) => {
    const result = spawnSync(prisma, ["migrate", "diff", ...from, "--to-schema-datamodel", to, "--script"], { env, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`prisma migrate diff failed:\n${result.stderr}`);
    return result.stdout;
  };
  try {
    const hasMigrations =
      fs.existsSync("prisma/migrations") && fs.readdirSync("prisma/migrations").some((d) => fs.existsSync(`prisma/migrations/${d}/migration.sql`));
    if (!hasMigrations) return { sqlite: diff(["--from-empty"], SQLITE_SCHEMA), postgresql: diff(["--from-empty"], PG_SCHEMA) };
    execFileSync(prisma, ["migrate", "deploy"], { env, stdio: "pipe" });
    const pulled = execFileSync(prisma, ["db", "pull", "--print"], { env, stdio: ["ignore", "pipe", "pipe"] });
    // The CLI prints a driver-adapter warning on stdout before the schema: keep the schema only.
    const text = pulled.toString("utf8");
    const start = text.search(/^(generator|datasource|model|\/\/)/m);
    const schema = start >= 0 ? text.slice(start) : text;
    const pulledFile = path.join(dir, "pulled.prisma");
    fs.writeFileSync(pulledFile, schema);
    const pulledPg = path.join(dir, "pulled-pg.prisma");
    fs.writeFileSync(pulledPg, pgSchemaFrom(schema));
    return {
      sqlite: diff(["--from-schema-datamodel", pulledFile], SQLITE_SCHEMA),
      postgresql: diff(["--from-schema-datamodel", pulledPg], PG_SCHEMA),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** An empty diff prints only a comment line. */
export function isEmptyMigration(sql: string): boolean {
  return sql.split("\n").every((line) => line.trim() === "" || line.trim().startsWith("--"));
}

/** The SQL that builds prisma/postgresql/schema.prisma on an empty database (no server needed: SQLite's config). */
export function postgresqlFromEmpty(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-migrate-"));
  try {
    const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "scratch.db")}` };
    const result = spawnSync(prisma, ["migrate", "diff", "--from-empty", "--to-schema-datamodel", PG_SCHEMA, "--script"], { env, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`prisma migrate diff failed:\n${result.stderr}`);
    return result.stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
