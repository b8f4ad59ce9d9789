import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDecimal,
  formatDateTime,
  formatNumber,
  formatTime,
  isoToVietnamese,
  parseVietnameseDate,
  vnDay,
  vnDayStart,
  vnInstant,
  vnYear,
  vnYearRange,
} from "./format";

describe("Vietnamese formatting", () => {
  it("shows dates as dd/MM/yyyy in Asia/Ho_Chi_Minh", () => {
    // 17:30 UTC on 31/12 is already 00:30 on 01/01 in Vietnam (UTC+7)
    const instant = new Date("2025-12-31T17:30:00Z");
    expect(formatDate(instant)).toBe("01/01/2026");
    expect(formatTime(instant)).toBe("00:30");
    expect(formatDateTime(instant)).toBe("01/01/2026 00:30");
  });
  it("agrees with the Asia/Ho_Chi_Minh clock of Intl at every hour of several years", () => {
    const intl = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Ho_Chi_Minh",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    for (let ms = Date.UTC(2024, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 3600 * 1000 + 60 * 1000) {
      expect(formatDateTime(ms)).toBe(intl.format(ms).replace(",", ""));
    }
  });
  it("refuses what is not a date", () => {
    expect(() => formatDate("không phải ngày")).toThrow(RangeError);
  });
  it("writes decimals with a comma, at most two of them, ungrouped so a form reads them back", () => {
    expect(formatDecimal(12.5)).toBe("12,5");
    expect(formatDecimal(2.333)).toBe("2,33");
    expect(formatDecimal(1234.5)).toBe("1234,5");
    expect(formatDecimal(-0.25)).toBe("-0,25");
    expect(formatDecimal(40)).toBe("40");
  });
  it("groups thousands with dots", () => {
    expect(formatNumber(1234567)).toBe("1.234.567");
  });
  it("reads dd/MM/yyyy dates, refuses impossible ones, and writes them back", () => {
    expect(parseVietnameseDate("02/09/2026")).toBe("2026-09-02");
    expect(parseVietnameseDate("31/02/2026")).toBeNull();
    expect(parseVietnameseDate("2026-09-02")).toBeNull();
    expect(isoToVietnamese("2026-09-02")).toBe("02/09/2026");
  });
});

describe("the Vietnamese day", () => {
  it("is the calendar day in UTC+7, also across a year's end", () => {
    expect(vnDay(new Date("2026-11-01T16:59:00Z"))).toBe("2026-11-01");
    expect(vnDay(new Date("2026-11-01T17:00:00Z"))).toBe("2026-11-02");
    expect(vnYear(new Date("2025-12-31T17:30:00Z"))).toBe(2026);
  });
  it("starts at 17:00 UTC the day before, and a year spans its local days", () => {
    expect(vnDayStart("2026-11-02").toISOString()).toBe("2026-11-01T17:00:00.000Z");
    const { from, to } = vnYearRange(2026);
    expect([from.toISOString(), to.toISOString()]).toEqual(["2025-12-31T17:00:00.000Z", "2026-12-31T17:00:00.000Z"]);
  });
  it("turns a local date and time into an instant, refusing what is not a real date or time", () => {
    const d = vnInstant("2026-11-02", "08:00")!;
    expect(d.toISOString()).toBe("2026-11-02T01:00:00.000Z");
    expect(vnDay(d)).toBe("2026-11-02");
    expect(formatTime(d)).toBe("08:00");
    expect(vnInstant("2026-02-31", "08:00")).toBeNull();
    expect(vnInstant("2026-11-02", "25:00")).toBeNull();
  });
});
