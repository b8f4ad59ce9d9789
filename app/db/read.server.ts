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
  const postgres = adapter.provider === "postgres";
  let sql: string;
  let args: Exclude<SqlValue, Prisma.Sql>[];
  if (values.some((v) => v instanceof Prisma.Sql)) {
    const query = Prisma.sql(strings, ...values);
    sql = postgres ? query.text : query.sql;
    args = query.values as typeof args;
  } else {
    sql = textOf(strings, postgres);
    args = values as typeof args;
  }
  const result = await adapter.queryRaw({ sql, args, argTypes: args.map(argType) });
  const { columnNames, columnTypes } = result;
  return result.rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < columnNames.length; i++) record[columnNames[i]] = typed(row[i], columnTypes[i]);
    return record as T;
  });
}

/**
 * The SQL text of a query without fragments, kept per call site (a template's strings are the same array on
 * every call): the same string object each time, so the statement cache finds it without hashing and comparing
 * a new copy of a long query on every page (docs/decisions/0065).
 */
const texts = { sqlite: new WeakMap<TemplateStringsArray, string>(), postgres: new WeakMap<TemplateStringsArray, string>() };
function textOf(strings: TemplateStringsArray, postgres: boolean): string {
  const cache = postgres ? texts.postgres : texts.sqlite;
  let text = cache.get(strings);
  if (text === undefined) {
    text = strings.reduce((sql, part, i) => sql + (postgres ? `$${i}` : "?") + part);
    cache.set(strings, text);
  }
  return text;
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
