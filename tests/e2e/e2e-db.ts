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
