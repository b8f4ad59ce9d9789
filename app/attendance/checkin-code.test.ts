import { describe, expect, it } from "vitest";
import { CODE_ALPHABET } from "~/ops/codes";
import { codeForStep, currentCode, isWellFormedCode, secondsLeft, timeStep, verifyCode } from "./checkin-code";
import { arrivalStatus, checkinState } from "./window";

const SECRET = "bí-mật-buổi-1";
const at = (iso: string) => new Date(iso);

describe("rotating check-in code", () => {
  it("is 6 characters without look-alikes and stable within a step", () => {
    const now = at("2026-11-02T01:00:05Z");
    const code = currentCode(SECRET, now, 30);
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
    expect(currentCode(SECRET, at("2026-11-02T01:00:29Z"), 30)).toBe(code);
    expect(CODE_ALPHABET).not.toMatch(/[ILO01]/);
  });

  it("changes every step and differs between sessions", () => {
    const seen = new Set<string>();
    for (let s = 0; s < 200; s++) seen.add(codeForStep(SECRET, 1000 + s));
    expect(seen.size).toBeGreaterThan(195);
    expect(codeForStep("another", 1000)).not.toBe(codeForStep(SECRET, 1000));
  });

  it("accepts the current and the previous step only", () => {
    const t0 = at("2026-11-02T01:00:00Z");
    const code = currentCode(SECRET, t0, 30);
    expect(verifyCode(SECRET, code, t0, 30)).toBe(true);
    expect(verifyCode(SECRET, code.toLowerCase(), at("2026-11-02T01:00:31Z"), 30)).toBe(true); // previous step
    expect(verifyCode(SECRET, code, at("2026-11-02T01:01:00Z"), 30)).toBe(false); // two steps later
    expect(verifyCode(SECRET, code, at("2026-11-02T00:59:59Z"), 30)).toBe(false); // a future code is not accepted early
    expect(verifyCode("another", code, t0, 30)).toBe(false);
  });

  it("refuses malformed input and tells the seconds left", () => {
    expect(isWellFormedCode("ABC12")).toBe(false);
    expect(isWellFormedCode("ABCDE0")).toBe(false);
    expect(isWellFormedCode(" abc-def ")).toBe(true);
    expect(verifyCode(SECRET, "", at("2026-11-02T01:00:00Z"), 30)).toBe(false);
    expect(secondsLeft(at("2026-11-02T01:00:00Z"), 30)).toBe(30);
    expect(secondsLeft(at("2026-11-02T01:00:20.5Z"), 30)).toBe(10);
    expect(timeStep(at("1970-01-01T00:01:00Z"), 30)).toBe(2);
  });
});

describe("check-in window and late threshold", () => {
  const s = {
    startsAt: at("2026-11-02T01:00:00Z"),
    endsAt: at("2026-11-02T04:30:00Z"),
    graceBeforeMin: 15,
    graceAfterMin: 30,
    lateAfterMin: 15,
    status: "SCHEDULED",
  };
  it("opens grace minutes before the start and closes grace minutes after the end", () => {
    expect(checkinState(s, at("2026-11-02T00:44:59Z"))).toBe("notYet");
    expect(checkinState(s, at("2026-11-02T00:45:00Z"))).toBe("open");
    expect(checkinState(s, at("2026-11-02T05:00:00Z"))).toBe("open");
    expect(checkinState(s, at("2026-11-02T05:00:01Z"))).toBe("closed");
    expect(checkinState({ ...s, status: "CANCELLED" }, at("2026-11-02T01:00:00Z"))).toBe("cancelled");
  });
  it("counts an arrival as late after the threshold", () => {
    expect(arrivalStatus(s, at("2026-11-02T00:50:00Z"))).toBe("PRESENT");
    expect(arrivalStatus(s, at("2026-11-02T01:15:00Z"))).toBe("PRESENT");
    expect(arrivalStatus(s, at("2026-11-02T01:15:01Z"))).toBe("LATE");
    expect(arrivalStatus({ ...s, lateAfterMin: 0 }, at("2026-11-02T01:00:01Z"))).toBe("LATE");
  });
});
