import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import { PrismaClient } from "../../generated/prisma/client";
import { serializeAdapter } from "./serialized-adapter.server";
import { cacheStatements } from "./statement-cache.server";
import { databaseUrl } from "./url";

export type Db = PrismaClient;
export type { Prisma } from "../../generated/prisma/client";

/** Opens the SQLite file in WAL mode with a busy timeout (see docs/decisions/0003). */
export function createDb(url = databaseUrl()): Db {
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
  return new PrismaClient({ adapter: factory });
}

declare global {
  var __ocopDb: Db | undefined;
}

/** One client per process (kept across dev rebuilds); created on first use so tests can set DATABASE_URL first. */
export function db(): Db {
  globalThis.__ocopDb ??= createDb();
  return globalThis.__ocopDb;
}
