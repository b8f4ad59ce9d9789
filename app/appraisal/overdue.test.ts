import { describe, expect, it } from "vitest";
import { caseAsOf, isDue, planStatusAsOf } from "./overdue";

const deadlineAt = new Date("2026-03-05T16:59:59.999Z");
const open = { status: "SUBMITTED", overdue: false, deadlineAt, revision: 3 };
const justAfter = new Date(deadlineAt.getTime() + 1);

describe("overdue as read", () => {
  it("turns the instant the deadline passes, not before", () => {
    expect(isDue(open, deadlineAt)).toBe(false);
    expect(isDue(open, justAfter)).toBe(true);
  });

  it("flags under FLAG and closes under LAPSE, keeping the rest of the case", () => {
    expect(caseAsOf(open, "FLAG", justAfter)).toEqual({ ...open, overdue: true });
    expect(caseAsOf(open, "LAPSE", justAfter)).toEqual({ ...open, overdue: true, status: "LAPSED" });
  });

  it("leaves alone a case already marked, with the producer, or closed", () => {
    for (const c of [
      { ...open, overdue: true },
      { ...open, status: "RETURNED" },
      { ...open, status: "APPROVED" },
    ])
      expect(caseAsOf(c, "LAPSE", justAfter)).toBe(c);
  });

  it("the plan shows its case's status while submitted", () => {
    expect(planStatusAsOf("SUBMITTED", { status: "LAPSED" })).toBe("LAPSED");
    expect(planStatusAsOf("DRAFT", null)).toBe("DRAFT");
    expect(planStatusAsOf("RETURNED", { status: "RETURNED" })).toBe("RETURNED");
  });
});
