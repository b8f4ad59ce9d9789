import { type Db, db } from "./db.server";
import { engineOf } from "./url";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The application's tables (not Prisma's bookkeeping), in byte order of their names, on either engine. */
export async function tableNames(client: Db = db()): Promise<string[]> {
  const sql =
    engineOf() === "postgresql"
      ? `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename COLLATE "C"`
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name";
  return (await client.$queryRawUnsafe<{ name: string }[]>(sql)).map((r) => r.name);
}

/**
 * Every row of a table in an order that only its contents decide: SQLite's rowid; PostgreSQL has none (a row's
 * place moves when it is updated), so its rows are ordered by their text. For "nothing was written" digests.
 */
export async function tableRows(table: string, client: Db = db()): Promise<unknown[]> {
  if (!NAME.test(table)) throw new Error(`tableRows: not an identifier: ${table}`);
  const sql = engineOf() === "postgresql" ? `SELECT * FROM "${table}" t ORDER BY t::text COLLATE "C"` : `SELECT * FROM "${table}" ORDER BY rowid`;
  return client.$queryRawUnsafe<unknown[]>(sql);
}
