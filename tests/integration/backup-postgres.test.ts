import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assertDumpIntact, attachmentsBackupDir, backupPostgres, restorePostgres } from "~/db/backup.server";
import { db } from "~/db/db.server";
import { tableNames, tableRows } from "~/db/tables.server";
import { attachmentsDir, sha256Hex, storedPath, writeStored } from "~/materials/storage.server";
import { onPostgres } from "../support/pg";

/** Every table's rows, in an order only their contents decide. */
async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const name of await tableNames()) out[name] = await tableRows(name);
  return out;
}

/** A class file on disk and its row, as an upload leaves them. */
async function attach(text: string) {
  const bytes = Buffer.from(text);
  const name = sha256Hex(bytes);
  writeStored(name, bytes);
  const course = await db().course.findFirstOrThrow();
  await db().attachment.create({ data: { courseId: course.id, fileName: "Tài liệu.pdf", type: "PDF", size: bytes.length, sha256: name, storageName: name } });
  return name;
}

// pg_dump and pg_restore; SQLite's online backup is tests/integration/backup.test.ts
describe.skipIf(!onPostgres)("backup and restore on PostgreSQL", () => {
  const dir = path.resolve("tests/.tmp");

  it("backs up with pg_dump, and a restore brings back the rows and the files", async () => {
    const url = process.env.DATABASE_URL!;
    const name = await attach(`bản kế hoạch ${process.pid}`);
    const before = await snapshot();
    const backup = path.join(dir, `backup-${process.pid}.dump`);
    const made = await backupPostgres(url, backup, { attachments: attachmentsDir() });
    expect(made).toMatchObject({ file: backup, files: 1, missing: [] });
    expect(made.bytes).toBe(fs.statSync(backup).size);
    expect(fs.existsSync(path.join(attachmentsBackupDir(backup), name))).toBe(true);

    // a day's changes: rows edited, deleted, added, and the file gone from disk
    const user = await db().user.findFirstOrThrow({ where: { email: "hocvien@ocop-demo.vn" } });
    await db().user.update({ where: { id: user.id }, data: { fullName: "Đã đổi tên" } });
    await db().attendance.deleteMany({});
    await db().throttleHit.create({ data: { kind: "login", key: "after-backup" } });
    fs.rmSync(storedPath(name));
    expect(await snapshot()).not.toEqual(before);

    await db().$disconnect();
    restorePostgres(backup, url, { attachments: attachmentsDir() });
    expect(await snapshot()).toEqual(before);
    expect(fs.readFileSync(storedPath(name), "utf8")).toBe(`bản kế hoạch ${process.pid}`);
    // and the ids go on from where the backup left them
    const hit = await db().throttleHit.create({ data: { kind: "login", key: "after-restore" } });
    expect(hit.id).toBeGreaterThan(Math.max(0, ...(before.ThrottleHit as { id: number }[]).map((h) => h.id)));
    fs.rmSync(backup, { force: true });
    fs.rmSync(attachmentsBackupDir(backup), { recursive: true, force: true });
  });

  it("refuses a corrupt or cut dump and leaves the database as it was", async () => {
    const url = process.env.DATABASE_URL!;
    const backup = path.join(dir, `whole-${process.pid}.dump`);
    await backupPostgres(url, backup);
    await db().user.updateMany({ where: { email: "hocvien@ocop-demo.vn" }, data: { fullName: "Sau bản sao lưu" } });
    const now = await snapshot();
    await db().$disconnect();

    const bogus = path.join(dir, `bogus-${process.pid}.dump`);
    fs.writeFileSync(bogus, "not a dump at all");
    expect(() => restorePostgres(bogus, url)).toThrow();
    const cut = path.join(dir, `cut-${process.pid}.dump`);
    const whole = fs.readFileSync(backup);
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.8)));
    // its table of contents is whole (`pg_restore --list` accepts it): the check reads it to the end
    expect(() => assertDumpIntact(cut)).toThrow(/end of file/);
    expect(() => restorePostgres(cut, url)).toThrow();
    expect(await snapshot()).toEqual(now);
    for (const f of [backup, bogus, cut]) fs.rmSync(f, { force: true });
  });
});
