import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, createDb } from "~/db/db.server";
import { moveToPostgres } from "~/db/move.server";
import { createDatabase, dropDatabase, onPostgres, pgUrlOf } from "../support/pg";

const source = path.resolve(`tests/.tmp/move-source-${process.pid}.db`);
const sourceUrl = `file:${source}`;
const target = `ocop_t_move_${process.pid}`;
const cliTarget = `ocop_t_move_cli_${process.pid}`;

/** Every table's rows on the PostgreSQL side, as text in a fixed order: "nothing was written" compares these. */
async function pgDigest(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename COLLATE "C"`,
    );
    const out: string[] = [];
    for (const { name } of tables) {
      const { rows } = await client.query<{ t: string }>(`SELECT t::text AS t FROM "${name}" t ORDER BY t::text COLLATE "C"`);
      out.push(name, ...rows.map((r) => r.t));
    }
    return out;
  } finally {
    await client.end();
  }
}

async function withClient<T>(url: string, fn: (client: Db) => Promise<T>): Promise<T> {
  const client = createDb(url);
  try {
    return await fn(client);
  } finally {
    await client.$disconnect();
  }
}

// Moving a province's SQLite file into PostgreSQL needs a PostgreSQL server: the `npm run test:pg` pass
describe.skipIf(!onPostgres)("db:move from SQLite to PostgreSQL", () => {
  let childId = 0;
  let parentId = 0;

  beforeAll(async () => {
    // a province as it is today: migrated and seeded SQLite, then rows of every awkward kind
    fs.rmSync(source, { force: true });
    const env = { ...process.env, DATABASE_URL: sourceUrl };
    execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env, stdio: "pipe" });
    execFileSync("node_modules/.bin/tsx", ["prisma/seed.ts"], { env, stdio: "pipe" });
    await withClient(sourceUrl, async (sqlite) => {
      // a child created before its parent: rows of one table must go in tree order, not id order
      const child = await sqlite.unit.create({ data: { code: "TEST-CHILD", name: "Xã Thử Nghiệm Ứng Hòa", level: "COMMUNE", path: "/" } });
      // a national catalogue's worth of units between them, so the parent comes in a later batch by id
      await sqlite.$executeRawUnsafe(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500)
         INSERT INTO "Unit" ("code", "name", "level", "path") SELECT 'FILL-' || i, 'Xã số ' || i, 'COMMUNE', '/' FROM n`,
      );
      const parent = await sqlite.unit.create({
        data: { code: "TEST-PARENT", name: "Huyện Đức Thọ (cũ)", level: "DISTRICT", path: "/", active: false, validUntil: new Date("2025-07-01T00:00:00Z") },
      });
      await sqlite.unit.update({ where: { id: child.id }, data: { parentId: parent.id, path: `/${parent.id}/${child.id}/` } });
      childId = child.id;
      parentId = parent.id;
      await sqlite.user.create({
        data: {
          fullName: "Nguyễn Thị Ngọc Ánh 🌾 — “Đặc sản” ‘Phở’\nxuống dòng\ttab \\ gạch",
          active: false,
          unitId: child.id,
          createdAt: new Date("1999-12-31T23:59:59.999Z"),
        },
      });
      for (let i = 0; i < 2; i++) await sqlite.throttleHit.create({ data: { kind: "login", key: `k${i}` } });
    });
    // dates as raw SQL stores them: a column default (CURRENT_TIMESTAMP text) and epoch milliseconds
    const raw = new Database(source);
    // a double that needs all its 17 digits (Prisma's SQLite writes round it, so raw SQL)
    raw.prepare(`UPDATE "AppraisalCase" SET "officialScore" = 0.1 + 0.2 WHERE "planId" = (SELECT min("planId") FROM "AppraisalCase")`).run();
    raw.prepare(`INSERT INTO "ThrottleHit" ("kind", "key") VALUES ('login', 'default-date')`).run();
    raw.prepare(`UPDATE "ThrottleHit" SET "createdAt" = 1764720000123 WHERE "key" = 'k0'`).run();
    raw.prepare(`UPDATE "ThrottleHit" SET "createdAt" = '2026-01-02 03:04:05' WHERE "key" = 'k1'`).run();
    // the last ThrottleHit is deleted: its id must not be handed out again on PostgreSQL either
    raw.prepare(`INSERT INTO "ThrottleHit" ("kind", "key") VALUES ('login', 'gone')`).run();
    raw.prepare(`DELETE FROM "ThrottleHit" WHERE "key" = 'gone'`).run();
    raw.close();
    await createDatabase(target);
    await createDatabase(cliTarget);
  });

  afterAll(async () => {
    await dropDatabase(target);
    await dropDatabase(cliTarget);
    fs.rmSync(source, { force: true });
  });

  it("copies every row with its ids and types, verified by counts and checksums, and refuses a second move", async () => {
    const url = pgUrlOf(target);
    const moved = await moveToPostgres(source, url);
    if (!moved.ok) throw new Error(`move refused: ${moved.reason}`);
    const names = moved.tables.map((t) => t.name);
    expect(names).toContain("User");
    expect(names).toContain("ThrottleHit");
    expect(moved.tables.every((t) => t.rows === t.targetRows && t.checksum === t.targetChecksum)).toBe(true);
    expect(moved.tables.find((t) => t.name === "User")!.rows).toBeGreaterThan(200);

    // the app reads the same rows through Prisma on both engines
    const read = (client: Db) =>
      Promise.all([
        client.user.findMany({ orderBy: { id: "asc" } }),
        client.unit.findMany({ orderBy: { id: "asc" } }),
        client.appraisalCase.findMany({ orderBy: { planId: "asc" } }),
        client.planStep.findMany({ orderBy: [{ planId: "asc" }, { step: "asc" }] }),
        client.classSession.findMany({ orderBy: { id: "asc" } }),
        client.course.findMany({ orderBy: { id: "asc" } }),
      ]);
    const before = await withClient(sourceUrl, read);
    const after = await withClient(url, read);
    expect(after).toEqual(before);
    expect(after[1].find((u) => u.id === childId)?.parentId).toBe(parentId);
    expect(after[2].some((c) => c.officialScore === 0.1 + 0.2)).toBe(true);

    // raw SQL's date forms arrive as the instants they stand for
    const hits = await withClient(url, (client) => client.throttleHit.findMany({ orderBy: { id: "asc" } }));
    expect(hits.find((h) => h.key === "k0")?.createdAt.toISOString()).toBe("2025-12-03T00:00:00.123Z");
    expect(hits.find((h) => h.key === "k1")?.createdAt.toISOString()).toBe("2026-01-02T03:04:05.000Z");
    expect(hits.find((h) => h.key === "default-date")?.createdAt.getTime()).toBeGreaterThan(Date.now() - 600_000);

    // a new row after the move gets an id past every id SQLite gave out, including the deleted one
    const lastGiven = Math.max(...hits.map((h) => h.id));
    await withClient(url, async (client) => {
      const user = await client.user.create({ data: { fullName: "Người mới" } });
      expect(user.id).toBeGreaterThan(Math.max(...before[0].map((u) => u.id)));
      const hit = await client.throttleHit.create({ data: { kind: "login", key: "after-move" } });
      expect(hit.id).toBeGreaterThan(lastGiven + 1);
    });

    // the target now holds rows: a second move refuses and writes nothing
    const digest = await pgDigest(url);
    const again = await moveToPostgres(source, url);
    expect(again).toMatchObject({ ok: false, reason: "not-empty" });
    expect(await pgDigest(url)).toEqual(digest);
  });

  it("works from the command line, with a per-table report, and exits non-zero on a non-empty target", () => {
    const run = () =>
      spawnSync("npx", ["tsx", "scripts/db-move.ts", "--from", sourceUrl, "--to", pgUrlOf(cliTarget)], {
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: "file:./tests/.tmp/not-this-one.db" },
      });
    const first = run();
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^User\s+\d+\s+\d+\s+khớp$/m);
    expect(first.stdout).toMatch(/Đã chuyển \d+ dòng của \d+ bảng sang PostgreSQL/);
    expect(fs.existsSync("tests/.tmp/not-this-one.db")).toBe(false);

    const second = run();
    expect(second.status).not.toBe(0);
    expect(second.stderr).toMatch(/đã có dữ liệu/);
  });
});
