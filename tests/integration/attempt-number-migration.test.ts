import { describe, expect, it } from "vitest";
import { databaseBefore, insertRow as insert, migrationSql } from "../support/migrations";

/**
 * The migration that numbers quiz attempts (decision 0052), run on rows made before it: each enrolment's attempts
 * at each quiz are numbered 1, 2, … in the order they were made, and a second attempt with a number taken is refused.
 */
const MIGRATION = "20261203114901_quiz_attempt_number";

describe("the quiz attempt number migration", () => {
  it("numbers each enrolment's attempts per quiz in the order they were made, and keeps the numbers unique", () => {
    const db = databaseBefore(MIGRATION);
    const unitId = insert(db, "Unit", { code: "HT", name: "Hà Tĩnh", level: "PROVINCE", path: "/1/" });
    const courseId = insert(db, "Course", {
      code: "HT-1",
      title: "Lớp 1",
      unitId,
      enrolmentCode: "E-1",
      startsOn: "2026-01-01T00:00:00.000Z",
      endsOn: "2026-12-31T00:00:00.000Z",
    });
    const enrolment = (name: string) =>
      insert(db, "Enrolment", { courseId, userId: insert(db, "User", { fullName: name, updatedAt: "2026-01-01T00:00:00.000Z" }) });
    const [ha, nam] = [enrolment("Nguyễn Thị Hà"), enrolment("Trần Văn Nam")];
    const made: [number, string, string][] = [
      [ha, "tieu-chi-danh-gia", "a1"],
      [nam, "tieu-chi-danh-gia", "b1"],
      [ha, "chinh-sach-ho-tro", "c1"],
      [ha, "tieu-chi-danh-gia", "a2"],
      [ha, "tieu-chi-danh-gia", "a3"],
    ];
    for (const [enrolmentId, module, token] of made) insert(db, "QuizAttempt", { token, enrolmentId, module, layout: "{}" });

    db.exec(migrationSql(MIGRATION));

    const rows = db.prepare(`SELECT "token", "number" FROM "QuizAttempt" ORDER BY "id"`).all();
    expect(rows).toEqual([
      { token: "a1", number: 1 },
      { token: "b1", number: 1 },
      { token: "c1", number: 1 },
      { token: "a2", number: 2 },
      { token: "a3", number: 3 },
    ]);
    expect(() => insert(db, "QuizAttempt", { token: "a3-again", enrolmentId: ha, module: "tieu-chi-danh-gia", number: 3, layout: "{}" })).toThrow(/UNIQUE/);
  });
});
