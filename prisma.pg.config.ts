import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The CLI for PostgreSQL (docs/decisions/0045): `prisma generate --config prisma.pg.config.ts` and
// `migrate diff`. Migrations are applied by scripts/db-migrate.ts, not `prisma migrate deploy` (prisma/orm#27403).
process.env.DATABASE_URL ??= "postgresql://localhost/ocop";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "postgresql", "schema.prisma"),
  migrations: { path: path.join("prisma", "postgresql", "migrations") },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
});
