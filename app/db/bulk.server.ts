import type { Prisma } from "./db.server";

export type Cell = string | number | boolean | Date | null;

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A date as the SQLite adapter stores a DateTime (ISO 8601 with "+00:00"), so Prisma reads it back unchanged. */
const cell = (value: Cell) => (value instanceof Date ? value.toISOString().replace("Z", "+00:00") : value);

/**
 * Inserts many rows in one statement. The rows travel as one JSON parameter that SQLite unpacks with `json_each`:
 * Prisma then prepares one short query instead of one with thousands of bound parameters, which costs it several
 * times more CPU than SQLite spends writing the rows (decision 0038). JSON true/false arrive as 1/0, SQLite's
 * booleans. SQLite-only like the rest of this folder; on PostgreSQL the same statement reads
 * `json_to_recordset($1)` (decision 0009). Table and column names are code, never input: anything but a plain
 * identifier is refused.
 */
export async function insertRows(tx: Prisma.TransactionClient, table: string, columns: readonly string[], rows: readonly (readonly Cell[])[]) {
  if (rows.length === 0) return 0;
  for (const name of [table, ...columns]) if (!NAME.test(name)) throw new Error(`insertRows: not an identifier: ${name}`);
  const picks = columns.map((_, i) => `value->>${i}`).join(", ");
  const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT ${picks} FROM json_each(?)`;
  return tx.$executeRawUnsafe(sql, JSON.stringify(rows.map((row) => row.map(cell))));
}
