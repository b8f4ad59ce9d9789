import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isEmptyMigration, pendingMigrations } from "../../scripts/migrations";
import { PG_SCHEMA, currentPgSchema } from "../../scripts/pg-schema";

describe("migrations", () => {
  it("match prisma/schema.prisma (run `npm run db:migration -- <name>` after a schema change)", () => {
    const { sqlite } = pendingMigrations();
    expect(isEmptyMigration(sqlite), `schema.prisma has changes without a migration:\n${sqlite}`).toBe(true);
  }, 90_000);

  it("detects a difference when there is one", () => {
    expect(isEmptyMigration("-- This is an empty migration.")).toBe(true);
    expect(isEmptyMigration('-- CreateTable\nCREATE TABLE "X" ("id" INTEGER);')).toBe(false);
  });
});

describe("the PostgreSQL schema", () => {
  it("is prisma/schema.prisma with PostgreSQL's provider (run `npm run db:pg-schema` after a schema change)", () => {
    expect(fs.readFileSync(PG_SCHEMA, "utf8")).toBe(currentPgSchema());
  });

  it("is what PostgreSQL's migrations build, statement for statement (one initial migration so far)", async () => {
    // With later PostgreSQL migrations this comparison no longer holds; tests/integration/pg-engine.test.ts compares
    // the catalogues of a migrated database and one built from the schema on a real server.
    const dir = path.join("prisma", "postgresql", "migrations");
    const names = fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, "migration.sql")));
    const { postgresqlFromEmpty } = await import("../../scripts/migrations");
    const statements = (sql: string) =>
      sql
        .split("\n")
        .filter((line) => line.trim() && !line.trim().startsWith("--") && !line.startsWith('CREATE SCHEMA IF NOT EXISTS "public"'))
        .join("\n");
    if (names.length === 1) expect(statements(fs.readFileSync(path.join(dir, names[0], "migration.sql"), "utf8"))).toBe(statements(postgresqlFromEmpty()));
    else expect(names.length).toBeGreaterThan(1);
  }, 60_000);
});
