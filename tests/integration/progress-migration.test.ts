import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { databaseBefore, insertRow as insert, migrationSql as sqlOf } from "../support/migrations";

/**
 * The migration that gives lesson progress and quiz attempts to an enrolment (decision 0032), run on a
 * database built from the migrations before it and holding rows: each row goes to its learner's enrolment
 * in the demo class, else to their earliest enrolment; a row of a person enrolled nowhere is dropped.
 */
const MIGRATION = "20261202023257_progress_per_enrolment";

const oldDatabase = () => databaseBefore(MIGRATION);

function course(db: Database.Database, unitId: number, code: string) {
  return insert(db, "Course", {
    code,
    title: `Lớp ${code}`,
    unitId,
    enrolmentCode: `E-${code}`,
    startsOn: "2026-01-01T00:00:00.000Z",
    endsOn: "2026-12-31T00:00:00.000Z",
  });
}

const enrol = (db: Database.Database, courseId: number, userId: number, createdAt: string) => insert(db, "Enrolment", { courseId, userId, createdAt });
const person = (db: Database.Database, fullName: string) => insert(db, "User", { fullName, updatedAt: "2026-01-01T00:00:00.000Z" });
const lessonDone = (db: Database.Database, userId: number, lesson: string) =>
  insert(db, "LessonProgress", { userId, module: "tieu-chi-danh-gia", lesson, completedAt: "2026-03-01T00:00:00.000Z" });
const attempt = (db: Database.Database, userId: number, token: string) =>
  insert(db, "QuizAttempt", { token, userId, module: "tieu-chi-danh-gia", layout: "{}", status: "SUBMITTED", percent: 90, passed: 1 });

describe("the progress per enrolment migration", () => {
  it("carries each row to the demo class, else to the earliest class, and drops rows of people enrolled nowhere", () => {
    const db = oldDatabase();
    const unitId = insert(db, "Unit", { code: "HT", name: "Hà Tĩnh", level: "PROVINCE", path: "/1/" });
    const later = course(db, unitId, "HT-2027");
    const earlier = course(db, unitId, "HT-2025");
    const demo = course(db, unitId, "HT-OCOP-01");
    // in the demo class and two others (joined before the demo class): goes to the demo class
    const inDemo = person(db, "Nguyễn Thị Hà");
    enrol(db, later, inDemo, "2025-01-01T00:00:00.000Z");
    const demoEnrolment = enrol(db, demo, inDemo, "2026-01-01T00:00:00.000Z");
    // not in the demo class: goes to the class joined first, whatever the ids
    const elsewhere = person(db, "Trần Văn Nam");
    enrol(db, later, elsewhere, "2026-05-01T00:00:00.000Z");
    const firstEnrolment = enrol(db, earlier, elsewhere, "2025-05-01T00:00:00.000Z");
    const nowhere = person(db, "Lê Minh Khánh");
    for (const [who, tag] of [
      [inDemo, "a"],
      [elsewhere, "b"],
      [nowhere, "c"],
    ] as const) {
      lessonDone(db, who, `bai-${tag}-1`);
      lessonDone(db, who, `bai-${tag}-2`);
      attempt(db, who, `token-${tag}`);
    }

    db.exec(sqlOf(MIGRATION));

    const progress = db.prepare(`SELECT "enrolmentId", "lesson", "completedAt" FROM "LessonProgress" ORDER BY "lesson"`).all();
    expect(progress).toEqual([
      { enrolmentId: demoEnrolment, lesson: "bai-a-1", completedAt: "2026-03-01T00:00:00.000Z" },
      { enrolmentId: demoEnrolment, lesson: "bai-a-2", completedAt: "2026-03-01T00:00:00.000Z" },
      { enrolmentId: firstEnrolment, lesson: "bai-b-1", completedAt: "2026-03-01T00:00:00.000Z" },
      { enrolmentId: firstEnrolment, lesson: "bai-b-2", completedAt: "2026-03-01T00:00:00.000Z" },
    ]);
    const attempts = db.prepare(`SELECT "enrolmentId", "token", "percent", "passed" FROM "QuizAttempt" ORDER BY "token"`).all();
    expect(attempts).toEqual([
      { enrolmentId: demoEnrolment, token: "token-a", percent: 90, passed: 1 },
      { enrolmentId: firstEnrolment, token: "token-b", percent: 90, passed: 1 },
    ]);
    const columns = (table: string) => (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
    expect(columns("LessonProgress")).not.toContain("userId");
    expect(columns("QuizAttempt")).not.toContain("userId");
    expect(db.prepare(`SELECT name FROM sqlite_temp_master`).all()).toEqual([]);
    expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);

    // the keys hold: progress goes with its enrolment, and one lesson is done once per enrolment
    db.pragma("foreign_keys = ON");
    expect(() => insert(db, "LessonProgress", { enrolmentId: 9999, module: "tieu-chi-danh-gia", lesson: "x" })).toThrow(/FOREIGN KEY/);
    expect(() => insert(db, "LessonProgress", { enrolmentId: demoEnrolment, module: "tieu-chi-danh-gia", lesson: "bai-a-1" })).toThrow(/UNIQUE/);
    db.prepare(`DELETE FROM "Enrolment" WHERE "id" = ?`).run(demoEnrolment);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "QuizAttempt" WHERE "enrolmentId" = ?`).get(demoEnrolment)).toEqual({ n: 0 });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "LessonProgress" WHERE "enrolmentId" = ?`).get(demoEnrolment)).toEqual({ n: 0 });
  });
});
