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
    return tx.$executeRawUnsafe(sql, JSON.stringify(objects));
  }
  const picks = columns.map((_, i) => `value->>${i}`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${picks} FROM json_each(?)`;
  return tx.$executeRawUnsafe(sql, JSON.stringify(rows.map((row) => row.map(cell))));
}

/**
 * `count` new ids of `table`, for rows written with their ids (and paths made of them) in one bulk insert. On
 * PostgreSQL they come from the table's own sequence, so another process inserting at the same moment (a row
 * created the usual way, or another bulk load) never gets the same ones. On SQLite one process writes, one
 * transaction at a time: the ids after the largest are free until this transaction commits.
 */
export async function reserveIds(tx: Prisma.TransactionClient, table: string, count: number): Promise<number[]> {
  if (!NAME.test(table)) throw new Error(`reserveIds: not an identifier: ${table}`);
  if (count === 0) return [];
  if (engineOf() === "postgresql") {
    const rows = await tx.$queryRawUnsafe<{ id: bigint }[]>(
      `SELECT nextval(pg_get_serial_sequence('"${table}"', 'id')) AS id FROM generate_series(1, $1::int)`,
      count,
    );
    return rows.map((r) => Number(r.id));
  }
  const [{ last }] = await tx.$queryRawUnsafe<{ last: bigint | number | null }[]>(`SELECT MAX("id") AS last FROM "${table}"`);
  const first = Number(last ?? 0) + 1;
  return Array.from({ length: count }, (_, i) => first + i);
}
