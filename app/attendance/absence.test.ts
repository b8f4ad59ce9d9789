import { describe, expect, it } from "vitest";
import { learnersToWarn } from "./absence";

const rule = { minAttendancePercent: 80, maxWarnings: 2, copyTrainers: true };
const rate = (id: number, attended: number, held: number) => ({ id, attended, held, rate: Math.round((attended / held) * 1000) / 10 });

describe("which learners an absence warning goes to", () => {
  it("warns below the threshold, not at it, and nobody before a session was held", () => {
    const rates = [rate(1, 4, 5), rate(2, 3, 5), { id: 3, attended: 0, held: 0, rate: 0 }];
    expect(learnersToWarn(rates, rule, new Map()).map((r) => [r.id, r.absences])).toEqual([[2, 2]]);
  });

  it("warns again only after a further absence, and at most N times", () => {
    expect(learnersToWarn([rate(2, 3, 5)], rule, new Map([[2, { count: 1, absences: 2 }]]))).toEqual([]);
    expect(learnersToWarn([rate(2, 3, 6)], rule, new Map([[2, { count: 1, absences: 2 }]])).map((r) => r.absences)).toEqual([3]);
    expect(learnersToWarn([rate(2, 3, 7)], rule, new Map([[2, { count: 2, absences: 3 }]]))).toEqual([]);
  });
});
