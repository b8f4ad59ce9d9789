import fs from "node:fs";
import { onPostgres } from "../support/pg";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { assertIntact, backupDatabase, restoreDatabase, sqlitePath } from "~/db/backup.server";
import { db } from "~/db/db.server";
import { tableCounts } from "../support/http";

/** Row counts of every table of a database file, and the numbers of the test's writes it holds, in order. */
function readCopy(file: string) {
  const copy = new Database(file, { readonly: true });
  try {
    const tables = copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'").all() as {
      name: string;
    }[];
    const counts = Object.fromEntries(tables.map(({ name }) => [name, (copy.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
    const keys = copy.prepare(`SELECT key FROM "ThrottleHit" WHERE key LIKE 'backup-test:%'`).all() as { key: string }[];
    return { counts, writes: keys.map((k) => Number(k.key.split(":")[1])).sort((a, b) => a - b) };
  } finally {
    copy.close();
  }
}

// SQLite's online backup of the file; PostgreSQL's backups are pg_dump's
describe.skipIf(onPostgres)("backup and restore", () => {
  it("copies the database consistently while writes go on, and restores it", async () => {
    const live = sqlitePath(process.env.DATABASE_URL!);
    const dir = path.resolve("tests/.tmp");
    const backup = path.join(dir, `backup-${process.pid}.db`);
    // keep writing while the backup runs
    let writing = true;
    const writes = (async () => {
      let n = 0;
      while (writing) {
        await db().throttleHit.create({ data: { kind: "login", key: `backup-test:${n++}` } });
        await new Promise((r) => setImmediate(r));
      }
      return n;
    })();
    const { bytes } = await backupDatabase(live, backup);
    writing = false;
    const written = await writes;
    expect(bytes).toBe(fs.statSync(backup).size);
    expect(() => assertIntact(backup)).not.toThrow();

    // the copy holds every table of the live database with the same rows (the writes aside)…
    const liveCounts = await tableCounts();
    const copied = readCopy(backup);
    expect({ ...copied.counts, ThrottleHit: 0 }).toEqual({ ...liveCounts, ThrottleHit: 0 });
    // …and of the concurrent writes exactly a prefix 0…k-1, nothing torn or skipped
    expect(copied.writes).toEqual(copied.writes.map((_, i) => i));
    expect(copied.writes.length).toBeLessThanOrEqual(written);

    // restore into another file: it reads back as the backup
    const target = path.join(dir, `restored-${process.pid}.db`);
    restoreDatabase(backup, target);
    expect(() => assertIntact(target)).not.toThrow();
    expect(readCopy(target)).toEqual(copied);
    for (const f of [backup, target]) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(f + suffix, { force: true });
  });

  it("refuses to restore a file that is not one of our databases", () => {
    const bogus = path.resolve(`tests/.tmp/bogus-${process.pid}.db`);
    fs.writeFileSync(bogus, "not a database at all");
    expect(() => restoreDatabase(bogus, path.resolve(`tests/.tmp/never-${process.pid}.db`))).toThrow();
    expect(fs.existsSync(path.resolve(`tests/.tmp/never-${process.pid}.db`))).toBe(false);
    fs.rmSync(bogus, { force: true });
  });
});
