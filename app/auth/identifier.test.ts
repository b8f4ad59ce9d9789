import { describe, expect, it } from "vitest";
import { normalizeEmail, normalizePhone, parseIdentifier } from "./identifier";

describe("login identifiers", () => {
  it("normalises Vietnamese mobile numbers", () => {
    expect(normalizePhone("0912345678")).toBe("0912345678");
    expect(normalizePhone("0912 345 678")).toBe("0912345678");
    expect(normalizePhone("0912.345.678")).toBe("0912345678");
    expect(normalizePhone("+84912345678")).toBe("0912345678");
    expect(normalizePhone("+84 912 345 678")).toBe("0912345678");
    expect(normalizePhone("84912345678")).toBe("0912345678");
    expect(normalizePhone("(+84) 912 345 678")).toBe("0912345678");
    expect(normalizePhone("0084 912 345 678")).toBe("0912345678");
    expect(normalizePhone("912345678"), "a number cell whose 0 Excel dropped").toBe("0912345678");
  });
  it("accepts an office's landline (02…, 10–11 digits) only when asked, in one stored form", () => {
    expect(normalizePhone("0239 3855 123", { landline: true })).toBe("02393855123");
    expect(normalizePhone("(0239) 385.512", { landline: true })).toBe("0239385512");
    expect(normalizePhone("+84 239 3855 123", { landline: true })).toBe("02393855123");
    expect(normalizePhone("0239 3855 123")).toBeNull();
    expect(normalizePhone("023938551", { landline: true })).toBeNull();
    expect(normalizePhone("023938551234", { landline: true })).toBeNull();
  });
  it("refuses numbers that are not Vietnamese mobiles", () => {
    for (const bad of ["091234567", "09123456789", "0212345678", "8491234567", "+8491234567", "0412345678", "abc", ""]) {
      expect(normalizePhone(bad), bad).toBeNull();
    }
  });
  it("lower-cases emails and refuses malformed ones", () => {
    expect(normalizeEmail(" HocVien@OCOP-demo.vn ")).toBe("hocvien@ocop-demo.vn");
    expect(normalizeEmail("a@b")).toBeNull();
    expect(normalizeEmail("no-at-sign")).toBeNull();
  });
  it("tells an email from a phone", () => {
    expect(parseIdentifier("a@ocop-demo.vn")).toEqual({ kind: "email", value: "a@ocop-demo.vn" });
    expect(parseIdentifier("+84912345678")).toEqual({ kind: "phone", value: "0912345678" });
    expect(parseIdentifier("nguyen van a")).toBeNull();
  });
});
