import { describe, expect, it } from "vitest";
import { firstRunAt, nextRunAt } from "./schedule";

describe("job schedules", () => {
  it("runs an interval job at once, then every interval after each start", () => {
    const at = new Date("2026-12-02T03:00:00Z");
    expect(firstRunAt({ everyMs: 60_000 }, at)).toEqual(at);
    expect(nextRunAt({ everyMs: 60_000 }, at)).toEqual(new Date("2026-12-02T03:01:00Z"));
  });

  it("runs a daily job at its wall-clock time in Vietnam, today if still to come, else tomorrow", () => {
    // 19:00 in Hà Nội is 12:00 UTC
    expect(nextRunAt({ dailyAt: "19:00" }, new Date("2026-12-02T11:59:00Z"))).toEqual(new Date("2026-12-02T12:00:00Z"));
    expect(nextRunAt({ dailyAt: "19:00" }, new Date("2026-12-02T12:00:00Z"))).toEqual(new Date("2026-12-03T12:00:00Z"));
    // 23:30 UTC is already the next day in Vietnam (06:30): its 07:00 is half an hour away
    expect(nextRunAt({ dailyAt: "07:00" }, new Date("2026-12-02T23:30:00Z"))).toEqual(new Date("2026-12-03T00:00:00Z"));
    expect(firstRunAt({ dailyAt: "07:00" }, new Date("2026-12-02T23:30:00Z"))).toEqual(new Date("2026-12-03T00:00:00Z"));
  });

  it("refuses a daily time that is not HH:mm", () => {
    expect(() => nextRunAt({ dailyAt: "7h" }, new Date())).toThrow(/HH:mm/);
  });
});
