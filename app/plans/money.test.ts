import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDecimal } from "~/i18n/format";
import { formatMoney, groupDigits, parseDecimal, parseMoney } from "./money";

const ok = (text: string) => {
  const r = parseMoney(text);
  return r.ok ? r.value : r.reason;
};

describe("parseMoney", () => {
  it("accepts the ways people type amounts", () => {
    expect(ok("1.234.567")).toBe(1234567);
    expect(ok("1234567")).toBe(1234567);
    expect(ok("1,234,567")).toBe(1234567);
    expect(ok(" 1.234.567 ₫ ")).toBe(1234567);
    expect(ok("1.234.567đ")).toBe(1234567);
    expect(ok("0")).toBe(0);
  });

  it("understands tỷ, triệu and nghìn with a decimal comma", () => {
    expect(ok("1,2 tỷ")).toBe(1_200_000_000);
    expect(ok("1.2 tỷ")).toBe(1_200_000_000);
    expect(ok("500 triệu")).toBe(500_000_000);
    expect(ok("500 trieu")).toBe(500_000_000);
    expect(ok("1.500 triệu")).toBe(1_500_000_000);
    expect(ok("2,5tr")).toBe(2_500_000);
    expect(ok("200 nghìn")).toBe(200_000);
    expect(ok("15k")).toBe(15_000);
  });

  it("refuses what is not an amount", () => {
    for (const bad of ["", "abc", "1.23.4", "12,3", "1.2.3 tỷ", "5 đô", "1e6", "--5", "1 2 3"]) expect(ok(bad)).toBe("format");
    expect(ok("-5.000")).toBe("negative");
    expect(ok("9999999 tỷ")).toBe("tooLarge");
  });

  it("round-trips every formatted amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 14 }), (n) => {
        expect(ok(groupDigits(n))).toBe(n);
        expect(ok(formatMoney(n))).toBe(n);
      }),
    );
  });
});

describe("formatting", () => {
  it("shows đồng the Vietnamese way", () => {
    expect(formatMoney(1234567)).toBe("1.234.567 ₫");
    expect(formatMoney(0)).toBe("0 ₫");
    expect(formatMoney(-210000000)).toBe("-210.000.000 ₫");
    expect(groupDigits(999)).toBe("999");
  });

  it("parses and formats decimals with a comma", () => {
    expect(parseDecimal("20,5")).toBe(20.5);
    expect(parseDecimal("20.5")).toBe(20.5);
    expect(parseDecimal("20 %")).toBe(20);
    expect(parseDecimal("x")).toBeNull();
    expect(formatDecimal(12.5)).toBe("12,5");
  });
});
