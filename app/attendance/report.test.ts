import { describe, expect, it } from "vitest";
import { belowRate, countsBySession, heldSessions, learnerRates, sessionState, takenSessionIds } from "./report";

// Issue 14, item 1: a session counts only once taken, and only for learners enrolled by then.
const NOW = new Date("2026-11-25T03:00:00Z");
const session = (id: number, day: number, status = "SCHEDULED") => ({
  id,
  title: String(id),
  status,
  startsAt: new Date(Date.UTC(2026, 10, day, 1)),
  endsAt: new Date(Date.UTC(2026, 10, day, 4)),
});
const sessions = [session(1, 2), session(2, 3), session(3, 4), session(4, 5, "CANCELLED"), session(5, 28), session(6, 20)];
const nov = new Date("2026-10-26T01:00:00Z");
const learner = (id: number, enrolledAt = nov) => ({ id, fullName: `Học viên ${id}`, unitName: "Xã Thiên Lộc", phone: null, enrolledAt });
const early = learner(10);
const lateJoiner = learner(11, new Date("2026-11-03T02:00:00Z")); // joined during session 2
const today = learner(12, new Date("2026-11-25T02:00:00Z"));
const walkIn = learner(13, new Date("2026-11-25T02:00:00Z")); // added today but marked present in session 1 back then
const marks = [
  { sessionId: 1, userId: 10, status: "PRESENT" },
  { sessionId: 2, userId: 10, status: "LATE" },
  { sessionId: 2, userId: 11, status: "EXCUSED" },
  { sessionId: 1, userId: 13, status: "PRESENT" },
  { sessionId: 4, userId: 10, status: "ABSENT" }, // cancelled session: never counts
];

describe("which sessions count", () => {
  it("past sessions nobody marked are not taken; cancelled and future ones are set apart", () => {
    const taken = takenSessionIds(marks);
    expect(sessions.map((s) => sessionState(s, taken, NOW))).toEqual(["taken", "taken", "notTaken", "cancelled", "upcoming", "notTaken"]);
    expect(heldSessions(sessions, marks, NOW).map((s) => s.id)).toEqual([1, 2]);
  });
});

describe("rates", () => {
  const held = heldSessions(sessions, marks, NOW);
  const rates = learnerRates(held, [early, lateJoiner, today, walkIn], marks);
  const of = (id: number) => rates.find((r) => r.id === id)!;

  it("an untaken session is not an absence: full attendance is 100%, not capped", () => {
    expect(of(10)).toMatchObject({ attended: 2, held: 2, rate: 100 });
  });

  it("a learner is charged only for sessions from their enrolment on", () => {
    expect(of(11)).toMatchObject({ attended: 0, excused: 1, held: 1, rate: 0 });
    expect(of(12)).toMatchObject({ attended: 0, held: 0, rate: 0 });
    expect(of(13)).toMatchObject({ attended: 1, held: 1, rate: 100 }); // a mark proves they were in the class
  });

  it("below the threshold lists only learners with sessions that count", () => {
    expect(belowRate(rates, 80).map((r) => r.id)).toEqual([11]);
  });

  it("a past session's class size does not grow when learners are added later", () => {
    const before = countsBySession(sessions.slice(0, 3), [early, lateJoiner], marks);
    const after = countsBySession(sessions.slice(0, 3), [early, lateJoiner, today, walkIn], marks);
    expect(before.map((c) => c.size)).toEqual([1, 2, 2]);
    expect(after.map((c) => c.size)).toEqual([2, 2, 2]); // only the walk-in marked in session 1 joins it
    expect(after[0]).toMatchObject({ PRESENT: 2, UNMARKED: 0 });
    expect(after[1]).toMatchObject({ LATE: 1, EXCUSED: 1, UNMARKED: 0 });
  });
});
