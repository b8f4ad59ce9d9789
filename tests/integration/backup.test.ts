import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assertIntact, backupDatabase, restoreDatabase, sqlitePath } from "~/db/backup.server";
import { db } from "~/db/db.server";

describe("backup and restore", () => {
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
    expect(bytes).toBeGreaterThan(0);
    expect(() => assertIntact(backup)).not.toThrow();

    // the copy holds the seed and a prefix of the concurrent writes, nothing torn
    const Database = (await import("better-sqlite3")).default;
    const copy = new Database(backup, { readonly: true });
    const users = (copy.prepare('SELECT count(*) AS n FROM "User"').get() as { n: number }).n;
    const copied = (copy.prepare(`SELECT count(*) AS n FROM "ThrottleHit" WHERE key LIKE 'backup-test:%'`).get() as { n: number }).n;
    copy.close();
    expect(users).toBe(await db().user.count());
    expect(copied).toBeLessThanOrEqual(written);

    // restore into another file and read it back
    const target = path.join(dir, `restored-${process.pid}.db`);
    restoreDatabase(backup, target);
    expect(() => assertIntact(target)).not.toThrow();
    for (const f of [backup, target]) fs.rmSync(f, { force: true });
  });

  it("refuses to restore a file that is not one of our databases", () => {
    const bogus = path.resolve(`tests/.tmp/bogus-${process.pid}.db`);
    fs.writeFileSync(bogus, "not a database at all");
    expect(() => restoreDatabase(bogus, path.resolve(`tests/.tmp/never-${process.pid}.db`))).toThrow();
    expect(fs.existsSync(path.resolve(`tests/.tmp/never-${process.pid}.db`))).toBe(false);
    fs.rmSync(bogus, { force: true });
  });
});
