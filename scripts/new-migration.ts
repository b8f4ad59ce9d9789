// Usage: npm run db:migration -- <name>
// Creates prisma/migrations/<timestamp>_<name>/migration.sql (SQLite) and, from the same migrated state,
// prisma/postgresql/migrations/<timestamp>_<name>/migration.sql after regenerating prisma/postgresql/schema.prisma
// (decision 0045). Review the PostgreSQL one: the SQLite state read back marks integer keys as defaulted, so it may
// carry harmless `ALTER COLUMN … DROP DEFAULT` lines.
import fs from "node:fs";
import { isEmptyMigration, pendingMigrations } from "./migrations";
import { PG_SCHEMA, currentPgSchema } from "./pg-schema";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(2);
}
fs.writeFileSync(PG_SCHEMA, currentPgSchema());
const { sqlite, postgresql } = pendingMigrations();
if (isEmptyMigration(sqlite) && isEmptyMigration(postgresql)) {
  console.log("schema.prisma and the migrations agree: nothing to create.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const [root, sql, provider] of [
  ["prisma/migrations", sqlite, "sqlite"],
  ["prisma/postgresql/migrations", postgresql, "postgresql"],
] as const) {
  if (isEmptyMigration(sql)) continue;
  const dir = `${root}/${stamp}_${name}`;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${dir}/migration.sql`, sql);
  if (!fs.existsSync(`${root}/migration_lock.toml`)) fs.writeFileSync(`${root}/migration_lock.toml`, `provider = "${provider}"\n`);
  console.log(`Created ${dir}/migration.sql`);
}
