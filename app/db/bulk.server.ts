import type { Prisma } from "./db.server";
import { engineOf } from "./url";

export type Cell = string | number | boolean | Date | null;

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A date as the SQLite adapter stores a DateTime (ISO 8601 with "+00:00"), so Prisma reads it back unchanged. */
const cell = (value: Cell) => (value instanceof Date ? value.toISOString().replace("Z", "+00:00") : value);

/**
 * Inserts many rows in one statement. The rows travel as one JSON parameter that the database unpacks: Prisma then
 * prepares one short query instead of one with thousands of bound parameters, which costs it several times more
 * CPU than SQLite spends writing the rows (decision 0038). SQLite reads the JSON with `json_each` (JSON true/false
 * arrive as 1/0, its booleans); PostgreSQL with `json_populate_recordset` over the table's own row type, so every
 * value is cast to its column's type (decision 0045). Table and column names are code, never input: anything but a
 * plain identifier is refused.
 */
export async function insertRows(tx: Prisma.TransactionClient, table: string, columns: readonly string[], rows: readonly (readonly Cell[])[]) {
  if (rows.length === 0) return 0;
  for (const name of [table, ...columns]) if (!NAME.test(name)) throw new Error(`insertRows: not an identifier: ${name}`);
  const names = columns.map((c) => `"${c}"`).join(", ");
  if (engineOf() === "postgresql") {
    const objects = rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i] instanceof Date ? (row[i] as Date).toISOString() : row[i]])));
    const sql = `INSERT INTO "${table}" (${names}) SELECT ${names} FROM json_populate_recordset(NULL::"${table}", $1::json)`;
    const inserted = await tx.$executeRawUnsafe(sql, JSON.stringify(objects));
    // explicit ids leave the id sequence behind (SQLite's autoincrement follows the largest id by itself)
    if (columns.includes("id"))
      await tx.$queryRawUnsafe(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT COALESCE(MAX("id"), 1) FROM "${table}"))`);
    return inserted;
  }
  const picks = columns.map((_, i) => `value->>${i}`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${picks} FROM json_each(?)`;
  return tx.$executeRawUnsafe(sql, JSON.stringify(rows.map((row) => row.map(cell))));
}
