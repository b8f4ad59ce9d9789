import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type Database from "better-sqlite3";
import { PrismaClient } from "../../generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "../../generated/prisma-pg/client";
import { serializeAdapter } from "./serialized-adapter.server";
import { cacheStatements } from "./statement-cache.server";
import { databaseUrl, engineOf } from "./url";

export type Db = PrismaClient;
export type { Prisma } from "../../generated/prisma/client";

/** SQLite (`file:`) or PostgreSQL (`postgresql://`), chosen by the URL (docs/decisions/0045). */
export function createDb(url = databaseUrl()): Db {
  const connection: Connection = {};
  const client = engineOf(url) === "postgresql" ? createPgDb(url, connection) : createSqliteDb(url, connection);
  connections.set(client, connection);
  return client;
}

/**
 * The driver adapter a client is connected through, kept for `readRows` (app/db/read.server.ts). On globalThis
 * like the client itself: the build and a test that imports this module directly each have their own copy of it.
 */
type Connection = { adapter?: SqlDriverAdapter };
const connections: WeakMap<Db, Connection> = (globalThis.__ocopDbConnections ??= new WeakMap());

function keepingAdapter(factory: SqlDriverAdapterFactory, connection: Connection): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = () => {
        if (connection.adapter === adapter) connection.adapter = undefined;
        return dispose();
      };
      connection.adapter = adapter;
      return adapter;
    },
  };
}

/** The adapter the client's queries go through, connecting the client first if it has not run one yet. */
export async function connectedAdapter(client: Db): Promise<SqlDriverAdapter> {
  const connection = connections.get(client);
  if (!connection) throw new Error("a client made by createDb is needed");
  if (!connection.adapter) await client.$connect();
  return connection.adapter!;
}

/**
 * How long a transaction may wait for its connection (SQLite's one writer, or a pool connection) and then run.
 * Prisma's defaults (2 s, 5 s) fail a burst that only has to queue: 2,000 learners of one hall starting a quiz
 * at the same second wait their turn for a few seconds, as their plain queries do (decision 0052).
 */
const transactionOptions = { maxWait: 20_000, timeout: 20_000 };

/** Opens the SQLite file in WAL mode with a busy timeout (see docs/decisions/0003). */
function createSqliteDb(url: string, connection: Connection): Db {
  const sqlite = new PrismaBetterSQLite3({ url, timeout: 5000 });
  const factory = serializeAdapter({
    provider: sqlite.provider,
    adapterName: sqlite.adapterName,
    connect: async () => {
      const adapter = await sqlite.connect();
      // The adapter keeps its better-sqlite3 handle public; pragmas must run on that connection.
      const handle = (adapter as unknown as { client: Database.Database }).client;
      handle.pragma("journal_mode = WAL");
      handle.pragma("synchronous = FULL");
      handle.pragma("foreign_keys = ON");
      cacheStatements(handle);
      return adapter;
    },
  });
  return new PrismaClient({ adapter: keepingAdapter(factory, connection), transactionOptions });
}

/**
 * A pool of PostgreSQL connections: each request gets its own connection and real transactions, so neither the
 * serialising wrapper nor the statement cache apply. The generated client differs only in its provider (the query
 * compiler is built per provider), its API is the SQLite one's, so it is typed as that. Sessions run in UTC: the
 * columns are `timestamp without time zone` and `CURRENT_TIMESTAMP` defaults must be UTC like Prisma's own values.
 */
function createPgDb(url: string, connection: Connection): Db {
  const max = Number(process.env.PG_POOL_MAX) || 10;
  const adapter = new PrismaPg({ connectionString: url, max, options: "-c TimeZone=UTC" });
  return new PgPrismaClient({ adapter: keepingAdapter(adapter, connection), transactionOptions }) as unknown as Db;
}

declare global {
  var __ocopDb: Db | undefined;
  var __ocopDbConnections: WeakMap<Db, Connection> | undefined;
}

/** One client per process (kept across dev rebuilds); created on first use so tests can set DATABASE_URL first. */
export function db(): Db {
  globalThis.__ocopDb ??= createDb();
  return globalThis.__ocopDb;
}
