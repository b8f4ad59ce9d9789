import crypto from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { migratePostgres, migrationsDir, shippedMigrations } from "./migrations.server";

/**
 * `npm run db:move`: one province's SQLite file into an empty PostgreSQL database (decision 0049). The target gets
 * PostgreSQL's migrations, then every row with its ids, parents before children, in one transaction that is only
 * committed when every table's row count and checksum read back from PostgreSQL equal the source's.
 */
export type TableCheck = { name: string; rows: number; targetRows: number; checksum: string; targetChecksum: string };
export type MoveResult =
  | { ok: true; tables: TableCheck[] }
  | { ok: false; reason: "not-empty"; table: string }
  | { ok: false; reason: "migrations-differ"; missing: string[]; unknown: string[] }
  | { ok: false; reason: "mismatch"; tables: TableCheck[] };

/** The column types of PostgreSQL's schema; a type not listed here stops the move rather than copy it wrongly. */
const KINDS = {
  integer: "integer",
  "double precision": "double",
  text: "text",
  boolean: "boolean",
  "timestamp without time zone": "timestamp",
} as const;
type Kind = (typeof KINDS)[keyof typeof KINDS];
type Value = string | number | boolean | Date | null;

type Table = {
  name: string;
  columns: { name: string; kind: Kind }[];
  key: string[];
  serial: string[];
  parents: Set<string>;
  /** a column naming another row of the same table (Unit.parentId): rows go in tree order */
  selfRef?: { column: string; ref: string };
};

const BATCH = 2000;
const SOURCE_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'";
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** SQLite's DateTime is text (Prisma's ISO form, or a column default's "YYYY-MM-DD HH:MM:SS", both UTC) or epoch ms. */
const DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:?\d{2})?$/;
function parseDate(text: string): Date {
  const m = DATE.exec(text);
  const date = m ? new Date(`${m[1]}T${m[2] ?? "00:00"}${m[3] ?? "Z"}`) : null;
  if (!date || Number.isNaN(date.getTime())) throw new Error(`not a date: ${text}`);
  return date;
}

function fromSqlite(kind: Kind, value: unknown): Value {
  if (value === null) return null;
  if (kind === "boolean") {
    if (value !== 0 && value !== 1) throw new Error(`not a boolean: ${String(value)}`);
    return value === 1;
  }
  if (kind === "timestamp") return typeof value === "number" ? new Date(value) : parseDate(String(value));
  if (typeof value !== "string" && typeof value !== "number") throw new Error(`unexpected ${typeof value} in a ${kind} column`);
  return value;
}

/** PostgreSQL's timestamps are read as their text (see `connect`), so no local time zone is applied to them. */
const fromPostgres = (kind: Kind, value: unknown): Value => (value !== null && kind === "timestamp" ? parseDate(String(value)) : (value as Value));

/** JSON for `json_populate_recordset`: a timestamp without its zone (the columns hold UTC, decision 0045). */
const toJson = (value: Value) => (value instanceof Date ? value.toISOString().slice(0, -1) : value);

function connect(url: string): pg.Client {
  const types = {
    getTypeParser: (oid: number, format?: "text" | "binary") =>
      oid === pg.types.builtins.TIMESTAMP ? (text: string) => text : pg.types.getTypeParser(oid, format),
  };
  return new pg.Client({ connectionString: url, options: "-c TimeZone=UTC", types: types as pg.CustomTypesConfig });
}

/** The first of the target's tables (ours or not) that holds a row. */
async function nonEmptyTable(client: pg.Client): Promise<string | undefined> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  for (const { name } of rows) {
    const { rows: hit } = await client.query(`SELECT 1 FROM ${q(name)} LIMIT 1`);
    if (hit.length) return name;
  }
  return undefined;
}

/** The migrated target's tables, read from its catalogue, parents first. */
async function targetTables(client: pg.Client): Promise<Table[]> {
  const tables = new Map<string, Table>();
  const columns = await client.query<{ table: string; column: string; type: string; serial: boolean }>(
    `SELECT table_name AS table, column_name AS column, data_type AS type, coalesce(column_default LIKE 'nextval(%', false) AS serial
     FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
     ORDER BY table_name, ordinal_position`,
  );
  for (const c of columns.rows) {
    const kind = KINDS[c.type as keyof typeof KINDS];
    if (!kind) throw new Error(`db:move does not know the column type ${c.type} (${c.table}.${c.column})`);
    const table = tables.get(c.table) ?? { name: c.table, columns: [], key: [], serial: [], parents: new Set<string>() };
    table.columns.push({ name: c.column, kind });
    if (c.serial) table.serial.push(c.column);
    tables.set(c.table, table);
  }
  const keys = await client.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column FROM pg_index i
     JOIN pg_class c ON c.oid = i.indrelid JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indisprimary AND c.relnamespace = current_schema()::regnamespace
     ORDER BY c.relname, array_position(i.indkey::int2[], a.attnum)`,
  );
  for (const k of keys.rows) tables.get(k.table)?.key.push(k.column);
  const links = await client.query<{ table: string; parent: string; column: string; ref: string }>(
    `SELECT c.relname AS table, p.relname AS parent, a.attname AS column, pa.attname AS ref FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
     JOIN pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = k.confkey[1]
     WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace`,
  );
  for (const link of links.rows) {
    const table = tables.get(link.table)!;
    if (link.parent !== link.table) table.parents.add(link.parent);
    else if (table.selfRef) throw new Error(`db:move handles one self-reference per table (${link.table})`);
    else table.selfRef = { column: link.column, ref: link.ref };
  }
  for (const table of tables.values()) if (!table.key.length) throw new Error(`table ${table.name} has no primary key`);

  const ordered: Table[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.size) {
    const ready = [...tables.values()].filter((t) => !placed.has(t.name) && [...t.parents].every((p) => placed.has(p)));
    if (!ready.length) throw new Error("the foreign keys form a cycle between tables");
    for (const t of ready) placed.add(t.name);
    ordered.push(...ready);
  }
  return ordered;
}

/** A table's rows in SQLite, by primary key; a self-referencing table's in tree order (roots first). */
function sourceRows(source: Database.Database, table: Table, order: "key" | "tree"): IterableIterator<unknown[]> {
  const cols = table.columns.map((c) => `t.${q(c.name)}`).join(", ");
  const byKey = table.key.map((k) => `t.${q(k)}`).join(", ");
  const self = table.selfRef;
  const sql =
    order === "tree" && self
      ? `WITH RECURSIVE tree(k, depth) AS (
           SELECT ${q(self.ref)}, 0 FROM ${q(table.name)} WHERE ${q(self.column)} IS NULL
           UNION ALL SELECT c.${q(self.ref)}, tree.depth + 1 FROM ${q(table.name)} c JOIN tree ON c.${q(self.column)} = tree.k)
         SELECT ${cols} FROM ${q(table.name)} t JOIN tree ON t.${q(self.ref)} = tree.k ORDER BY tree.depth, ${byKey}`
      : `SELECT ${cols} FROM ${q(table.name)} t ORDER BY ${byKey}`;
  return source.prepare(sql).raw().iterate() as IterableIterator<unknown[]>;
}

/** Rows of one canonical text each (JSON of the values as the app reads them), hashed in primary key order. */
function digest(rows: Iterable<Value[]>): { rows: number; checksum: string } {
  const hash = crypto.createHash("sha256");
  let count = 0;
  for (const row of rows) {
    hash.update(`${JSON.stringify(row)}\n`);
    count++;
  }
  return { rows: count, checksum: hash.digest("hex") };
}

function* mapped(rows: Iterable<unknown[]>, table: Table, convert: (kind: Kind, value: unknown) => Value): Generator<Value[]> {
  for (const row of rows) yield row.map((value, i) => convert(table.columns[i].kind, value));
}

async function check(source: Database.Database, client: pg.Client, table: Table): Promise<TableCheck> {
  const cols = table.columns.map((c) => q(c.name)).join(", ");
  const order = table.key.map((k) => (table.columns.find((c) => c.name === k)!.kind === "text" ? `${q(k)} COLLATE "C"` : q(k))).join(", ");
  const { rows } = await client.query<unknown[]>({ text: `SELECT ${cols} FROM ${q(table.name)} ORDER BY ${order}`, rowMode: "array" });
  const from = digest(mapped(sourceRows(source, table, "key"), table, fromSqlite));
  const to = digest(mapped(rows, table, fromPostgres));
  return { name: table.name, rows: from.rows, targetRows: to.rows, checksum: from.checksum, targetChecksum: to.checksum };
}

async function copy(source: Database.Database, client: pg.Client, table: Table): Promise<void> {
  const cols = table.columns.map((c) => q(c.name)).join(", ");
  const sql = `INSERT INTO ${q(table.name)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${q(table.name)}, $1::json)`;
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length) await client.query(sql, [JSON.stringify(batch)]);
    batch = [];
  };
  for (const row of mapped(sourceRows(source, table, "tree"), table, fromSqlite)) {
    batch.push(Object.fromEntries(table.columns.map((c, i) => [c.name, toJson(row[i])])));
    if (batch.length === BATCH) await flush();
  }
  await flush();
  // past SQLite's largest id ever given (sqlite_sequence keeps deleted ones), so no id is handed out twice
  const given = source.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_sequence'").get() as { n: number };
  const seq = given.n ? ((source.prepare("SELECT seq FROM sqlite_sequence WHERE name = ?").get(table.name) as { seq: number } | undefined)?.seq ?? 0) : 0;
  for (const column of table.serial)
    await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), GREATEST(COALESCE(MAX(${q(column)}), 0), $3) + 1, false) FROM ${q(table.name)}`, [
      q(table.name),
      column,
      seq,
    ]);
}

/** The SQLite migrations applied to the file against the ones this release ships: both engines' schemas must be the same. */
function migrationGap(source: Database.Database): { missing: string[]; unknown: string[] } {
  const applied = new Set(
    (
      source.prepare('SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').all() as {
        name: string;
      }[]
    ).map((r) => r.name),
  );
  const shipped = shippedMigrations(migrationsDir("sqlite"));
  return { missing: shipped.filter((name) => !applied.has(name)), unknown: [...applied].filter((name) => !shipped.includes(name)) };
}

export async function moveToPostgres(sqliteFile: string, url: string): Promise<MoveResult> {
  const source = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const client = connect(url);
  await client.connect();
  try {
    const gap = migrationGap(source);
    if (gap.missing.length || gap.unknown.length) return { ok: false, reason: "migrations-differ", ...gap };
    const before = await nonEmptyTable(client);
    if (before) return { ok: false, reason: "not-empty", table: before };
    await migratePostgres(url);

    source.exec("BEGIN"); // one snapshot of the file for the copy and its check
    await client.query("BEGIN");
    try {
      // again inside the transaction: another move may have filled it meanwhile
      const filled = await nonEmptyTable(client);
      if (filled) {
        await client.query("ROLLBACK");
        return { ok: false, reason: "not-empty", table: filled };
      }
      const tables = await targetTables(client);
      const ours = (source.prepare(SOURCE_TABLES).all() as { name: string }[]).map((r) => r.name);
      const theirs = new Set(tables.map((t) => t.name));
      if (ours.length !== theirs.size || ours.some((name) => !theirs.has(name))) throw new Error("the SQLite and PostgreSQL schemas have different tables");
      for (const table of tables) await copy(source, client, table);
      const checks: TableCheck[] = [];
      for (const table of tables) checks.push(await check(source, client, table));
      const matches = checks.every((c) => c.rows === c.targetRows && c.checksum === c.targetChecksum);
      await client.query(matches ? "COMMIT" : "ROLLBACK");
      return matches ? { ok: true, tables: checks } : { ok: false, reason: "mismatch", tables: checks };
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      source.exec("COMMIT");
    }
  } finally {
    await client.end();
    source.close();
  }
}
