import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import { cacheStatements } from "./statement-cache.server";

/** The adapter's calls: `prepare(sql).bind(args)` then `.reader`, `.columns()`, `.raw().all()` or `.run()`. */
type Adapted = {
  reader: boolean;
  bind(args: unknown[]): { reader: boolean; columns(): { name: string }[]; raw(): { all(): unknown[] }; run(): { changes: number } };
};

describe("statement cache", () => {
  it("prepares a query once and passes each call its own arguments", () => {
    const db = new Database(":memory:");
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    const original = vi.spyOn(db, "prepare");
    cacheStatements(db);
    const prepare = (sql: string) => (db.prepare as unknown as (sql: string) => Adapted)(sql);
    for (const name of ["An", "Bình", "Chi"]) expect(prepare("INSERT INTO t (name) VALUES (?)").bind([name]).run().changes).toBe(1);
    const select = "SELECT id, name FROM t WHERE id >= ? ORDER BY id";
    const first = prepare(select).bind([2]);
    expect(first.reader).toBe(true);
    expect(first.columns().map((c) => c.name)).toEqual(["id", "name"]);
    expect(first.raw().all()).toEqual([
      [2, "Bình"],
      [3, "Chi"],
    ]);
    expect(prepare(select).bind([3]).raw().all()).toEqual([[3, "Chi"]]);
    expect(first.raw().all()).toEqual([
      [2, "Bình"],
      [3, "Chi"],
    ]); // a view keeps its own arguments
    expect(original).toHaveBeenCalledTimes(2); // one INSERT, one SELECT
    db.close();
  });

  it("reads a statement's columns once, and each statement's own", () => {
    const db = new Database(":memory:");
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    const statementProto = Object.getPrototypeOf(db.prepare("SELECT 1")) as { columns(): unknown };
    const read = vi.spyOn(statementProto, "columns");
    cacheStatements(db);
    const prepare = (sql: string) => (db.prepare as unknown as (sql: string) => Adapted)(sql);
    for (const id of [1, 2])
      expect(
        prepare("SELECT id, name FROM t WHERE id = ?")
          .bind([id])
          .columns()
          .map((c) => c.name),
      ).toEqual(["id", "name"]);
    expect(
      prepare("SELECT name AS n FROM t")
        .bind([])
        .columns()
        .map((c) => c.name),
    ).toEqual(["n"]);
    expect(read).toHaveBeenCalledTimes(2); // once per statement, not per query
    read.mockRestore();
    db.close();
  });

  it("keeps a bounded number of statements", () => {
    const db = new Database(":memory:");
    const original = vi.spyOn(db, "prepare");
    cacheStatements(db);
    const prepare = (sql: string) => (db.prepare as unknown as (sql: string) => Adapted)(sql);
    for (let i = 0; i < 600; i++) prepare(`SELECT ${i}`).bind([]).raw().all();
    prepare("SELECT 599").bind([]).raw().all(); // still cached
    prepare("SELECT 0").bind([]).raw().all(); // evicted long ago: prepared again
    expect(original).toHaveBeenCalledTimes(601);
    db.close();
  });
});
