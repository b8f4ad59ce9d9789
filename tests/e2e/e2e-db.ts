import { type Db, createDb } from "~/db/db.server";

/**
 * The e2e server's database (scripts/e2e-server.sh): the SQLite file, or the PostgreSQL database `npm run test:pg`
 * runs the specs on. Specs that set up or clean up rows straight in it do so through the app's own client, so the
 * same spec runs on either engine.
 */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || "file:./tests/.tmp/e2e.db";

export async function withE2eDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(E2E_DATABASE_URL);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

/**
 * Runs a clean-up transaction again while SQLite answers "database is locked". The e2e server's jobs write now and
 * then (leases, the outbox); a transaction of ours that read before such a commit cannot then write, and SQLite says
 * so at once, whatever the busy timeout (a snapshot that is out of date cannot be upgraded to a writer).
 */
export async function retriedWhileLocked<T>(work: () => Promise<T>, tries = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= tries || !/database is locked/i.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
