import { describe, expect, it } from "vitest";
import { DEFAULT_RULE, evaluateCompletion, newCertificateCode, normalizeCode } from "./rule";

const modules = ["kien-thuc-chung", "tieu-chi-danh-gia", "chinh-sach-ho-tro", "phuong-an-san-xuat-kinh-doanh"];

describe("completion rule", () => {
  it("is met at exactly the attendance threshold with every quiz passed", () => {
    const c = evaluateCompletion(DEFAULT_RULE, { sessionsHeld: 5, sessionsAttended: 4, passedModules: modules }, modules);
    expect(c).toEqual({ complete: true, attendancePercent: 80, missing: [] });
  });
  it("lists what is missing: attendance below the rate and each quiz not passed", () => {
    const c = evaluateCompletion(DEFAULT_RULE, { sessionsHeld: 4, sessionsAttended: 3, passedModules: ["kien-thuc-chung"] }, modules);
    expect(c.complete).toBe(false);
    expect(c.missing).toEqual([
      { kind: "attendance", ratePercent: 75, requiredPercent: 80, noSessions: false },
      { kind: "quiz", module: "tieu-chi-danh-gia" },
      { kind: "quiz", module: "chinh-sach-ho-tro" },
      { kind: "quiz", module: "phuong-an-san-xuat-kinh-doanh" },
    ]);
  });
  it("needs at least one session held", () => {
    const c = evaluateCompletion({ minAttendancePercent: 0, requiredModules: [] }, { sessionsHeld: 0, sessionsAttended: 0, passedModules: modules }, modules);
    expect(c.missing).toEqual([{ kind: "attendance", ratePercent: 0, requiredPercent: 0, noSessions: true }]);
  });
  it("checks only the chosen subset of quizzes when one is set", () => {
    const rule = { minAttendancePercent: 50, requiredModules: ["tieu-chi-danh-gia"] };
    expect(evaluateCompletion(rule, { sessionsHeld: 2, sessionsAttended: 1, passedModules: ["tieu-chi-danh-gia"] }, modules).complete).toBe(true);
    expect(evaluateCompletion(rule, { sessionsHeld: 2, sessionsAttended: 1, passedModules: ["kien-thuc-chung"] }, modules).complete).toBe(false);
  });
});

describe("verification codes", () => {
  it("are 16 unambiguous characters in four groups, different every time", () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newCertificateCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes) {
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}$/);
      expect(code).not.toMatch(/[01IOL]/);
    }
  });
  it("are read back as typed from paper", () => {
    expect(normalizeCode("abcd efgh jkmn pqrs")).toBe("ABCD-EFGH-JKMN-PQRS");
    expect(normalizeCode("ABCD-EFGH-JKMN-PQR")).toBeNull();
    expect(normalizeCode("ABCD-EFGH-JKMN-PQR0")).toBeNull();
    expect(normalizeCode("<script>")).toBeNull();
  });
});
