// Usage: npm run db:migration -- <name>   (creates prisma/migrations/<timestamp>_<name>/migration.sql)
import fs from "node:fs";
import { isEmptyMigration, pendingMigrationSql } from "./migrations";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(2);
}
const sql = pendingMigrationSql();
if (isEmptyMigration(sql)) {
  console.log("schema.prisma and the migrations agree: nothing to create.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = `prisma/migrations/${stamp}_${name}`;
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(`${dir}/migration.sql`, sql);
if (!fs.existsSync("prisma/migrations/migration_lock.toml")) {
  fs.writeFileSync("prisma/migrations/migration_lock.toml", 'provider = "sqlite"\n');
}
console.log(`Created ${dir}/migration.sql`);
