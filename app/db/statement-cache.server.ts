import type Database from "better-sqlite3";

/**
 * The Prisma better-sqlite3 adapter prepares every query anew (`client.prepare(sql).bind(args)`),
 * and preparing is a large part of a short query. This keeps the last statements by their SQL
 * text on the adapter's connection. A better-sqlite3 statement binds its arguments only once, so
 * `bind` returns a view that passes them on each call instead. Queries run one at a time (the
 * connection is serialized, docs/decisions/0003), so one statement is never used by two at once.
 * See docs/decisions/0019.
 */
const LIMIT = 500;

type Args = unknown[];
type Statement = Database.Statement<Args>;

export function cacheStatements(handle: Database.Database) {
  const prepare = handle.prepare.bind(handle) as (sql: string) => Statement;
  const statements = new Map<string, Statement>();
  const cached = (sql: string): Statement => {
    let stmt = statements.get(sql);
    if (stmt) {
      statements.delete(sql); // most recent last: the first key is the one to evict
    } else {
      stmt = prepare(sql);
      if (statements.size >= LIMIT) statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, stmt);
    return stmt;
  };
  (handle as { prepare: unknown }).prepare = (sql: string) => {
    const stmt = cached(sql);
    return {
      reader: stmt.reader,
      bind: (args: Args) => bound(stmt, args),
      run: (...args: Args) => stmt.run(...args),
      all: (...args: Args) => stmt.all(...args),
      get: (...args: Args) => stmt.get(...args),
    };
  };
}

/**
 * A statement's result columns (the adapter reads them on every query to type the values): the same
 * for as long as the statement lives, while better-sqlite3 builds the list anew on each call.
 */
const columnsOf = new WeakMap<Statement, Database.ColumnDefinition[]>();
function columns(stmt: Statement) {
  let list = columnsOf.get(stmt);
  if (!list) columnsOf.set(stmt, (list = stmt.columns()));
  return list;
}

/** What the adapter calls on `prepare(sql).bind(args)`, with the arguments given at each call. */
function bound(stmt: Statement, args: Args) {
  return {
    reader: stmt.reader,
    columns: () => columns(stmt),
    run: () => stmt.run(...args),
    all: () => (stmt.reader ? stmt.raw(false) : stmt).all(...args),
    get: () => (stmt.reader ? stmt.raw(false) : stmt).get(...args),
    raw: (on = true) => ({ all: () => stmt.raw(on).all(...args), get: () => stmt.raw(on).get(...args) }),
  };
}
