import { db } from "~/db/db.server";
import { shippedMigrations } from "~/db/migrations.server";
import { type Health, healthOf } from "./health";

export async function checkHealth(): Promise<Health> {
  let applied: string[];
  try {
    await db().$queryRawUnsafe("SELECT 1");
  } catch {
    return { status: "error", database: "unreachable" };
  }
  try {
    const rows = await db().$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    applied = rows.map((r) => r.migration_name);
  } catch {
    applied = []; // no _prisma_migrations table: nothing was ever migrated
  }
  return healthOf(shippedMigrations(), applied);
}
