import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { TEMPLATE_NAME, createDatabase, dropTestDatabases, onPostgres, pgUrlOf } from "../support/pg";

/**
 * Once per `vitest run`: a migrated, seeded template database (every test gets its own
 * copy, see per-test-db.ts) and a fresh production build for the route tests.
 */
export const TMP = path.resolve("tests/.tmp");
export const TEMPLATE_DB = path.join(TMP, "template.db");

export default async function setup() {
  fs.mkdirSync(TMP, { recursive: true });
  for (const f of fs.readdirSync(TMP)) if (f.endsWith(".db") || f.includes(".db-")) fs.rmSync(path.join(TMP, f), { force: true });
  if (onPostgres) {
    // the same template as a PostgreSQL database (tests/support/pg.ts)
    await dropTestDatabases();
    await createDatabase(TEMPLATE_NAME);
    const env = { ...process.env, DATABASE_URL: pgUrlOf(TEMPLATE_NAME) };
    execFileSync("node_modules/.bin/tsx", ["scripts/db-migrate.ts"], { env, stdio: "pipe" });
    execFileSync("node_modules/.bin/tsx", ["prisma/seed.ts"], { env, stdio: "pipe" });
  } else {
    const env = { ...process.env, DATABASE_URL: `file:${TEMPLATE_DB}` };
    execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env, stdio: "pipe" });
    execFileSync("node_modules/.bin/tsx", ["prisma/seed.ts"], { env, stdio: "pipe" });
    // Fold the WAL into the main file so a plain copy of template.db is complete.
    const Database = (await import("better-sqlite3")).default;
    const handle = new Database(TEMPLATE_DB);
    handle.pragma("wal_checkpoint(TRUNCATE)");
    handle.pragma("journal_mode = DELETE");
    handle.close();
  }
  // The compiled content (generated/content.json) is what the server and the tests read.
  // NODE_ENV=production explicitly: vitest sets NODE_ENV=test, which would make `remix build` emit a dev
  // (jsxDEV) bundle that the e2e server (reusing build/) cannot run.
  if (process.env.SKIP_BUILD !== "1") execFileSync("npm", ["run", "build", "--silent"], { stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
  else if (!fs.existsSync("generated/content.json")) execFileSync("node_modules/.bin/tsx", ["scripts/build-content.ts"], { stdio: "pipe" });
  // PostgreSQL: the test databases go with the run (SQLite's files are removed by the next run)
  return async () => {
    if (onPostgres) await dropTestDatabases();
  };
}
