import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeEach } from "vitest";

/**
 * Every test works on its own copy of a real SQLite file through Prisma, no mocks (decision 0028).
 *
 * A test file starts from a copy of the migrated, seeded template: its "suite" database, where its
 * `beforeAll` hooks build what all its tests need (accounts, sessions, a class). Before each test the
 * suite database is copied to a fresh file and the app's client points there; after the test it is
 * deleted and the client points back. So no test sees another's writes, in any order, and a file's
 * shared fixtures are built once and are the same for every test.
 */
const tmp = path.resolve("tests/.tmp");
const stem = path.join(tmp, `test-${process.pid}-${crypto.randomBytes(4).toString("hex")}`);
const suiteFile = `${stem}.db`;
let testFile: string | undefined;
let tests = 0;

function removeDb(file: string) {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}

/** Closing the client folds its WAL into the file, so a plain copy of the file is complete. */
async function switchTo(file: string) {
  await globalThis.__ocopDb?.$disconnect();
  globalThis.__ocopDb = undefined;
  process.env.DATABASE_URL = `file:${file}`;
}

fs.copyFileSync(path.join(tmp, "template.db"), suiteFile);
await switchTo(suiteFile);

beforeEach(async () => {
  await switchTo(suiteFile);
  testFile = `${stem}-${++tests}.db`;
  fs.copyFileSync(suiteFile, testFile);
  await switchTo(testFile);
});

afterEach(async () => {
  await switchTo(suiteFile);
  if (testFile) removeDb(testFile);
  testFile = undefined;
});

afterAll(async () => {
  await globalThis.__ocopDb?.$disconnect();
  globalThis.__ocopDb = undefined;
  removeDb(suiteFile);
});
