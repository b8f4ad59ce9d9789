import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { databaseBefore, insertRow as insert, migrationSql as sqlOf } from "../support/migrations";

/**
 * The migration that gives the appraisal tables their foreign keys, run on a database built from
 * the migrations before it and holding rows: it keeps them, drops only the comments and
 * notifications that point at nothing, and refuses (changing nothing) when the appraisal record has
 * an orphan. Plain SQL through better-sqlite3, as `prisma migrate deploy` applies it.
 */
const MIGRATION = "20261201232404_appraisal_foreign_keys";

const oldDatabase = () => databaseBefore(MIGRATION);

function withAPlan(db: Database.Database) {
  const unitId = insert(db, "Unit", { name: "Xã Sơn Kim 1", path: "/1/" });
  const userId = insert(db, "User", { fullName: "Nguyễn Thị Hà" });
  const orgId = insert(db, "ProducerOrg", { unitId, ownerId: userId });
  const planId = insert(db, "BusinessPlan", { orgId, title: "Cam bù" });
  insert(db, "AppraisalCase", { planId, status: "SUBMITTED", levelIndex: 0, level: "COMMUNE", unitPath: "/1/", year: 2026, versionNumber: 1 });
  insert(db, "PlanVersion", { planId, number: 1, data: "{}", createdById: userId });
  insert(db, "AppraisalEvent", {
    planId,
    versionNumber: 1,
    actorId: userId,
    action: "SUBMIT",
    fromStatus: "DRAFT",
    toStatus: "SUBMITTED",
    fromLevel: "",
    toLevel: "COMMUNE",
    unitPath: "/1/",
    year: 2026,
  });
  insert(db, "PlanComment", { planId, step: 9, authorId: userId, body: "Đề nghị nêu căn cứ khấu hao." });
  insert(db, "Notification", { userId, text: "Có phương án mới", link: `/tham-dinh/${planId}` });
  return { planId, userId };
}

const count = (db: Database.Database, table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
const tables = ["AppraisalCase", "PlanVersion", "AppraisalEvent", "PlanComment", "Notification"];

describe("the appraisal foreign keys migration", () => {
  it("keeps every row that points at its plan or person, and adds the keys with their delete rules", () => {
    const db = oldDatabase();
    const { planId } = withAPlan(db);
    db.exec(sqlOf(MIGRATION));
    for (const table of tables) expect(count(db, table), table).toBe(1);
    const keys = (table: string) => db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { table: string; on_delete: string }[];
    expect(keys("AppraisalCase")).toMatchObject([{ table: "BusinessPlan", on_delete: "RESTRICT" }]);
    expect(keys("PlanVersion")).toMatchObject([{ table: "BusinessPlan", on_delete: "RESTRICT" }]);
    expect(keys("AppraisalEvent")).toMatchObject([{ table: "BusinessPlan", on_delete: "RESTRICT" }]);
    expect(keys("PlanComment")).toMatchObject([{ table: "BusinessPlan", on_delete: "CASCADE" }]);
    expect(keys("Notification")).toMatchObject([{ table: "User", on_delete: "CASCADE" }]);
    expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    // the rules hold: a plan with an appraisal record cannot be deleted
    db.pragma("foreign_keys = ON");
    expect(() => db.prepare('DELETE FROM "BusinessPlan" WHERE "id" = ?').run(planId)).toThrow(/FOREIGN KEY/);
  });

  it("drops the comments and notifications that point at nothing, and nothing else", () => {
    const db = oldDatabase();
    const { userId } = withAPlan(db);
    insert(db, "PlanComment", { planId: 999, step: 1, authorId: userId, body: "mồ côi" });
    insert(db, "Notification", { userId: 999, text: "mồ côi", link: "/" });
    db.exec(sqlOf(MIGRATION));
    expect(count(db, "PlanComment")).toBe(1);
    expect(count(db, "Notification")).toBe(1);
    expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
  });

  it("stops before changing anything when an audit event has no plan", () => {
    const db = oldDatabase();
    withAPlan(db);
    insert(db, "AppraisalEvent", {
      planId: 999,
      versionNumber: 1,
      action: "SUBMIT",
      fromStatus: "DRAFT",
      toStatus: "SUBMITTED",
      fromLevel: "",
      toLevel: "COMMUNE",
      unitPath: "/1/",
      year: 2020,
    });
    insert(db, "Notification", { userId: 999, text: "mồ côi", link: "/" });
    expect(() => db.exec(sqlOf(MIGRATION))).toThrow(/CHECK constraint failed/);
    expect(count(db, "AppraisalEvent")).toBe(2);
    expect(count(db, "Notification")).toBe(2);
    expect(db.prepare(`PRAGMA foreign_key_list("AppraisalEvent")`).all()).toEqual([]);
  });
});
