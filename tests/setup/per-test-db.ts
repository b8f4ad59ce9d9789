import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";

/**
 * Each test file works on its own copy of the migrated, seeded template: a real SQLite file
 * through Prisma, no mocks, and no file sees another's writes.
 */
const tmp = path.resolve("tests/.tmp");
const file = path.join(tmp, `test-${process.pid}-${crypto.randomBytes(4).toString("hex")}.db`);
fs.copyFileSync(path.join(tmp, "template.db"), file);
process.env.DATABASE_URL = `file:${file}`;
globalThis.__ocopDb = undefined;

afterAll(async () => {
  await globalThis.__ocopDb?.$disconnect();
  globalThis.__ocopDb = undefined;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
