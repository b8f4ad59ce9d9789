import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNumber, formatTime } from "./format";

describe("Vietnamese formatting", () => {
  it("shows dates as dd/MM/yyyy in Asia/Ho_Chi_Minh", () => {
    // 17:30 UTC on 31/12 is already 00:30 on 01/01 in Vietnam (UTC+7)
    const instant = new Date("2025-12-31T17:30:00Z");
    expect(formatDate(instant)).toBe("01/01/2026");
    expect(formatTime(instant)).toBe("00:30");
    expect(formatDateTime(instant)).toBe("01/01/2026 00:30");
  });
  it("groups thousands with dots", () => {
    expect(formatNumber(1234567)).toBe("1.234.567");
  });
});
