import { describe, expect, it } from "vitest";
import { clockOf, daysLeftWhenPaused, resumedDeadline } from "./deadline";
import { decisionsFor } from "./workflow";

const chain2020 = ["COMMUNE", "DISTRICT", "PROVINCE"] as const;
const chainToday = ["COMMUNE", "PROVINCE"] as const;
const submitted = (levelIndex: number) => ({ status: "SUBMITTED" as const, levelIndex });

describe("decisionsFor: only what the officer's level may decide in the province's chain", () => {
  it("today's chain commune → province: the commune forwards (never approves), the province approves", () => {
    expect(decisionsFor(submitted(0), chainToday, ["COMMUNE"])).toEqual(["FORWARD", "RETURN", "REJECT"]);
    expect(decisionsFor(submitted(1), chainToday, ["PROVINCE"])).toEqual(["APPROVE", "RETURN", "REJECT"]);
  });

  it("the 2020 chain commune → district → province: commune and district forward, only the province approves", () => {
    expect(decisionsFor(submitted(0), chain2020, ["COMMUNE"])).toEqual(["FORWARD", "RETURN", "REJECT"]);
    expect(decisionsFor(submitted(1), chain2020, ["DISTRICT"])).toEqual(["FORWARD", "RETURN", "REJECT"]);
    expect(decisionsFor(submitted(2), chain2020, ["PROVINCE"])).toEqual(["APPROVE", "RETURN", "REJECT"]);
  });

  it("an officer of another level than the one holding the case decides nothing", () => {
    expect(decisionsFor(submitted(0), chain2020, ["DISTRICT", "PROVINCE"])).toEqual([]);
    expect(decisionsFor(submitted(1), chainToday, ["COMMUNE"])).toEqual([]);
    expect(decisionsFor(submitted(0), chainToday, [])).toEqual([]);
  });

  it("a case with the producer or closed takes no decision", () => {
    for (const status of ["RETURNED", "APPROVED", "REJECTED", "LAPSED"] as const)
      expect(decisionsFor({ status, levelIndex: 0 }, chainToday, ["COMMUNE"])).toEqual([]);
  });
});

describe("the clock while a case is with the producer", () => {
  const calendar = { deadlineKind: "CALENDAR" as const, holidays: [] };
  const working = { deadlineKind: "WORKING" as const, holidays: ["2026-11-10"] };

  it("calendar days: returned on day 2 of 5 keeps 3 days, counted again from the resubmission", () => {
    // received Mon 02/11 → deadline end of Sat 07/11; returned Wed 04/11 → 3 days left (05, 06, 07)
    const deadline = new Date("2026-11-07T16:59:59.999Z");
    const left = daysLeftWhenPaused(new Date("2026-11-04T03:00:00Z"), deadline, calendar);
    expect(left).toBe(3);
    // resubmitted Mon 16/11 → end of Thu 19/11
    expect(resumedDeadline(new Date("2026-11-16T03:00:00Z"), left, calendar).toISOString()).toBe("2026-11-19T16:59:59.999Z");
  });

  it("working days skip weekends and holidays on both sides of the pause", () => {
    // deadline Thu 12/11 (working, 10/11 a holiday); returned Fri 06/11 → left: Mon 9, Wed 11, Thu 12 = 3
    const deadline = new Date("2026-11-12T16:59:59.999Z");
    const left = daysLeftWhenPaused(new Date("2026-11-06T03:00:00Z"), deadline, working);
    expect(left).toBe(3);
    // resubmitted Fri 13/11 → Mon 16, Tue 17, Wed 18
    expect(resumedDeadline(new Date("2026-11-13T03:00:00Z"), left, working).toISOString()).toBe("2026-11-18T16:59:59.999Z");
  });

  it("returned on the last day or after the deadline: nothing left, the deadline is the end of the resubmission day", () => {
    const deadline = new Date("2026-11-07T16:59:59.999Z");
    expect(daysLeftWhenPaused(new Date("2026-11-07T10:00:00Z"), deadline, calendar)).toBe(0);
    expect(daysLeftWhenPaused(new Date("2026-11-09T10:00:00Z"), deadline, calendar)).toBe(0);
    expect(resumedDeadline(new Date("2026-11-16T03:00:00Z"), 0, calendar).toISOString()).toBe("2026-11-16T16:59:59.999Z");
  });
});

describe("clockOf", () => {
  const rules = {
    deadlineDays: { COMMUNE: 5, DISTRICT: 7, PROVINCE: 10 },
    deadlineKind: "CALENDAR" as const,
    holidays: [],
    clockOnResubmit: "RESTART" as const,
  };
  const deadlineAt = new Date("2026-11-07T16:59:59.999Z");
  it("runs while submitted, stops while returned, shows nothing once closed", () => {
    expect(clockOf({ status: "SUBMITTED", level: "COMMUNE", deadlineAt, pausedAt: null }, rules, new Date("2026-11-05T16:59:59.999Z"))).toEqual({
      kind: "running",
      left: { overdue: false, days: 2, hours: 0 },
    });
    const pausedAt = new Date("2026-11-04T03:00:00Z");
    // a month later the stopped clock has not moved
    expect(clockOf({ status: "RETURNED", level: "COMMUNE", deadlineAt, pausedAt }, rules, new Date("2026-12-04T03:00:00Z"))).toEqual({
      kind: "stopped",
      daysOnResubmit: 5,
      rule: "RESTART",
    });
    expect(
      clockOf({ status: "RETURNED", level: "COMMUNE", deadlineAt, pausedAt }, { ...rules, clockOnResubmit: "RESUME" }, new Date("2026-12-04T03:00:00Z")),
    ).toEqual({ kind: "stopped", daysOnResubmit: 3, rule: "RESUME" });
    for (const status of ["APPROVED", "REJECTED", "LAPSED"])
      expect(clockOf({ status, level: "COMMUNE", deadlineAt, pausedAt: null }, rules, new Date())).toEqual({ kind: "closed" });
  });
});
