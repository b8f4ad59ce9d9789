import { describe, expect, it } from "vitest";
import { isEmptyMigration, pendingMigrationSql } from "../../scripts/migrations";

describe("migrations", () => {
  it("match prisma/schema.prisma (run `npm run db:migration -- <name>` after a schema change)", () => {
    const sql = pendingMigrationSql();
    expect(isEmptyMigration(sql), `schema.prisma has changes without a migration:\n${sql}`).toBe(true);
  }, 60_000);

  it("detects a difference when there is one", () => {
    expect(isEmptyMigration("-- This is an empty migration.")).toBe(true);
    expect(isEmptyMigration('-- CreateTable\nCREATE TABLE "X" ("id" INTEGER);')).toBe(false);
  });
});
