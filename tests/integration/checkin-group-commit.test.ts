import { describe, expect, it } from "vitest";
import { onPostgres } from "../support/pg";
import { currentCode } from "~/attendance/checkin-code";
import { writeCheckin } from "~/attendance/checkin-writes.server";
import { checkIn, createClassSession } from "~/attendance/sessions.server";
import { db } from "~/db/db.server";

/**
 * A hall's burst of check-ins is written in a few transactions, not one commit (and fsync) per
 * learner, and still records every learner once (docs/decisions/0039).
 */
async function openSession() {
  const course = await db().course.findFirstOrThrow({ orderBy: { id: "asc" } });
  const now = Date.now();
  const created = await createClassSession(course.id, {
    title: "Buổi đông người",
    startsAt: new Date(now - 5 * 60_000),
    endsAt: new Date(now + 60 * 60_000),
    place: "Hội trường",
    trainerId: null,
    rotateSeconds: 300,
    graceBeforeMin: 15,
    graceAfterMin: 30,
    lateAfterMin: 15,
  });
  if (!created.ok) throw new Error("session not created");
  const s = await db().classSession.findUniqueOrThrow({ where: { id: created.id } });
  const learners = await db().enrolment.findMany({ where: { courseId: course.id, user: { phone: { startsWith: "0913" } } }, select: { userId: true } });
  return { id: s.id, code: currentCode(s.checkinSecret, new Date(), s.rotateSeconds), learners: learners.map((e) => e.userId) };
}

/** Pages written to the WAL since `walReset()`: a commit writes at least one page of its own. */
async function walFrames() {
  const [row] = await db().$queryRawUnsafe<{ log: number | bigint }[]>("PRAGMA wal_checkpoint(PASSIVE)");
  return Number(row.log);
}
const walReset = () => db().$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");

describe("check-in burst (group commit)", () => {
  it("records every learner of a concurrent burst once, in far fewer commits than check-ins", async () => {
    const s = await openSession();
    expect(s.learners.length).toBe(210);
    // the commit count is SQLite's WAL (PRAGMA); on PostgreSQL the rows are checked alone
    if (!onPostgres) {
      await walReset();
      expect(await walFrames()).toBe(0);
    }
    const twice = [...s.learners, ...s.learners.slice(0, 30)];
    const outcomes = await Promise.all(twice.map((userId) => checkIn(userId, s.code, s.id)));
    const frames = onPostgres ? 1 : await walFrames();

    expect(outcomes.filter((o) => o.ok)).toHaveLength(210);
    expect(outcomes.filter((o) => !o.ok && o.reason === "already")).toHaveLength(30);
    const rows = await db().attendance.findMany({ where: { sessionId: s.id }, select: { userId: true, source: true } });
    expect(rows).toHaveLength(210);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(210);
    expect(rows.every((r) => r.source === "CHECKIN")).toBe(true);
    // one commit per check-in would write at least 210 pages to the WAL
    expect(frames).toBeGreaterThan(0);
    expect(frames).toBeLessThan(210);
  }, 60_000);

  it("a row that cannot be written fails alone; the rest of its batch is recorded", async () => {
    const s = await openSession();
    const [a, b] = s.learners;
    const markedAt = new Date();
    const results = await Promise.allSettled([
      writeCheckin({ sessionId: s.id, userId: a, status: "PRESENT", markedAt }),
      writeCheckin({ sessionId: 999_999, userId: b, status: "PRESENT", markedAt }), // no such session
      writeCheckin({ sessionId: s.id, userId: b, status: "LATE", markedAt }),
      writeCheckin({ sessionId: s.id, userId: a, status: "LATE", markedAt }), // twice in one batch
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : "failed"))).toEqual([
      { written: true },
      "failed",
      { written: true },
      { written: false, status: "PRESENT", clientKey: null },
    ]);
    const rows = await db().attendance.findMany({ where: { sessionId: s.id }, orderBy: { userId: "asc" }, select: { userId: true, status: true } });
    expect(rows).toEqual(
      [
        { userId: a, status: "PRESENT" },
        { userId: b, status: "LATE" },
      ].sort((x, y) => x.userId - y.userId),
    );
  });

  it("a row that collides only when inserted (its device key already used) is answered, not failed", async () => {
    const s = await openSession();
    const [a, b] = s.learners;
    const markedAt = new Date();
    expect(await writeCheckin({ sessionId: s.id, userId: a, status: "PRESENT", markedAt, clientKey: "khoa-thiet-bi-1" })).toEqual({ written: true });
    // another learner's row with the same key: the read finds nothing of theirs, the insert hits the key's unique index
    const collided = await writeCheckin({ sessionId: s.id, userId: b, status: "LATE", markedAt, clientKey: "khoa-thiet-bi-1" });
    expect(collided).toEqual({ written: false, status: "PRESENT", clientKey: null });
    expect(await db().attendance.count({ where: { sessionId: s.id } })).toBe(1);
  });
});
