import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * `prisma migrate dev` does not work with the JS engine + better-sqlite3 (docs/decisions/0002),
 * so the next migration is computed offline: apply the committed migrations to a scratch file,
 * pull its schema back, and diff that against prisma/schema.prisma.
 */
const prisma = path.resolve("node_modules/.bin/prisma");

export function pendingMigrationSql(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-migrate-"));
  const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "scratch.db")}` };
  try {
    const hasMigrations =
      fs.existsSync("prisma/migrations") && fs.readdirSync("prisma/migrations").some((d) => fs.existsSync(`prisma/migrations/${d}/migration.sql`));
    let from = ["--from-empty"];
    if (hasMigrations) {
      execFileSync(prisma, ["migrate", "deploy"], { env, stdio: "pipe" });
      const pulled = execFileSync(prisma, ["db", "pull", "--print"], { env, stdio: ["ignore", "pipe", "pipe"] });
      const pulledFile = path.join(dir, "pulled.prisma");
      // The CLI prints a driver-adapter warning on stdout before the schema: keep the schema only.
      const text = pulled.toString("utf8");
      const start = text.search(/^(generator|datasource|model|\/\/)/m);
      fs.writeFileSync(pulledFile, start >= 0 ? text.slice(start) : text);
      from = ["--from-schema-datamodel", pulledFile];
    }
    const diff = spawnSync(prisma, ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"], { env, encoding: "utf8" });
    if (diff.status !== 0) throw new Error(`prisma migrate diff failed:\n${diff.stderr}`);
    return diff.stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** An empty diff prints only a comment line. */
export function isEmptyMigration(sql: string): boolean {
  return sql.split("\n").every((line) => line.trim() === "" || line.trim().startsWith("--"));
}
