import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeEach } from "vitest";
import { TEMPLATE_NAME, createDatabase, dropDatabase, onPostgres, pgUrlOf } from "../support/pg";

/**
 * Every test works on its own copy of a real database through Prisma, no mocks (decision 0028).
 *
 * A test file starts from a copy of the migrated, seeded template: its "suite" database, where its
 * `beforeAll` hooks build what all its tests need (accounts, sessions, a class). Before each test the
 * suite database is copied to a fresh one and the app's client points there; after the test it is
 * deleted and the client points back. So no test sees another's writes, in any order, and a file's
 * shared fixtures are built once and are the same for every test.
 *
 * SQLite copies files; PostgreSQL (`npm run test:pg`) copies databases with `CREATE DATABASE … TEMPLATE`,
 * which needs the source closed: the client is disconnected before each copy, as for SQLite's WAL.
 */
const tmp = path.resolve("tests/.tmp");
const tag = `${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
const stem = path.join(tmp, `test-${tag}`);

type Store = {
  suite: string;
  copy(from: string, to: string): Promise<void>;
  remove(name: string): Promise<void>;
  url(name: string): string;
  test(n: number): string;
};

const store: Store = onPostgres
  ? {
      suite: `ocop_t_${tag}`,
      copy: (from, to) => createDatabase(to, from),
      remove: (name) => dropDatabase(name),
      url: pgUrlOf,
      test: (n) => `ocop_t_${tag}_${n}`,
    }
  : {
      suite: `${stem}.db`,
      copy: async (from, to) => fs.copyFileSync(from, to),
      remove: async (file) => {
        for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
      },
      url: (file) => `file:${file}`,
      test: (n) => `${stem}-${n}.db`,
    };

// SQLite's attachments sit beside its files in tests/.tmp; PostgreSQL's would go to data/attachments
if (onPostgres) process.env.ATTACHMENTS_DIR ??= path.join(tmp, "attachments");

let testDb: string | undefined;
let tests = 0;

/** Closing the client folds its WAL into the file (SQLite) or ends its connections (PostgreSQL), so a copy is complete. */
async function switchTo(name: string) {
  await globalThis.__ocopDb?.$disconnect();
  globalThis.__ocopDb = undefined;
  process.env.DATABASE_URL = store.url(name);
}

await store.copy(onPostgres ? TEMPLATE_NAME : path.join(tmp, "template.db"), store.suite);
await switchTo(store.suite);

beforeEach(async () => {
  await switchTo(store.suite);
  testDb = store.test(++tests);
  await store.copy(store.suite, testDb);
  await switchTo(testDb);
});

afterEach(async () => {
  await switchTo(store.suite);
  if (testDb) await store.remove(testDb);
  testDb = undefined;
});

afterAll(async () => {
  await globalThis.__ocopDb?.$disconnect();
  globalThis.__ocopDb = undefined;
  await store.remove(store.suite);
});
