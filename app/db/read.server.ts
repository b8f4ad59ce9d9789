import { type ArgScalarType, type ColumnType, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { Prisma } from "../../generated/prisma/client";
import { connectedAdapter, db } from "./db.server";

/** What a read binds: plain values, or fragments built with `Prisma.sql` / `Prisma.join`, as with `$queryRaw`. */
export type SqlValue = string | number | boolean | bigint | Date | null | Prisma.Sql;

/**
 * A read-only SQL query straight to the driver adapter, for the reads every page makes (the session, the bell,
 * the reached course, its progress). Prisma's `$queryRaw` compiles each raw query into a plan in its WebAssembly
 * query compiler first, about 95 µs of the 108 µs such a query costs (docs/decisions/0059). Values are bound as
 * parameters, as with `$queryRaw`, and columns come back typed as `$queryRaw` types them: a COUNT as a bigint,
 * a DateTime column as a Date, PostgreSQL's numeric as a Decimal. Not for writes, nor inside a transaction (it runs beside it, after it on SQLite).
 */
export async function readRows<T>(strings: TemplateStringsArray, ...values: SqlValue[]): Promise<T[]> {
  const adapter = await connectedAdapter(db());
  const query = Prisma.sql(strings, ...values);
  const args = query.values as Exclude<SqlValue, Prisma.Sql>[];
  const sql = adapter.provider === "postgres" ? query.text : query.sql;
  const result = await adapter.queryRaw({ sql, args, argTypes: args.map(argType) });
  const { columnNames, columnTypes } = result;
  return result.rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < columnNames.length; i++) record[columnNames[i]] = typed(row[i], columnTypes[i]);
    return record as T;
  });
}

function argType(value: Exclude<SqlValue, Prisma.Sql>): { scalarType: ArgScalarType; arity: "scalar" } {
  const scalarType: ArgScalarType =
    typeof value === "number"
      ? Number.isInteger(value)
        ? "int"
        : "float"
      : typeof value === "bigint"
        ? "bigint"
        : typeof value === "boolean"
          ? "boolean"
          : value instanceof Date
            ? "datetime"
            : "string";
  return { scalarType, arity: "scalar" };
}

/** A column's value as `$queryRaw` gives it (the adapters send numbers and dates as text). */
function typed(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case ColumnTypeEnum.Int32:
    case ColumnTypeEnum.Float:
    case ColumnTypeEnum.Double:
    case ColumnTypeEnum.UnknownNumber:
      return Number(value);
    case ColumnTypeEnum.Int64:
      return BigInt(value as string | number | bigint);
    case ColumnTypeEnum.Boolean:
      return typeof value === "boolean" ? value : Number(value) !== 0;
    case ColumnTypeEnum.DateTime:
    case ColumnTypeEnum.Date:
      return new Date(value as string);
    case ColumnTypeEnum.Json:
      return typeof value === "string" ? JSON.parse(value) : value;
    case ColumnTypeEnum.Numeric:
      return new Prisma.Decimal(value as string);
    default:
      return value;
  }
}
