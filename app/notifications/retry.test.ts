import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, failureKind, retryDelayMs } from "./retry";

describe("retryDelayMs", () => {
  it("doubles from one minute and stops growing at four hours", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(9)).toBe(4 * 3_600_000);
    expect(retryDelayMs(MAX_ATTEMPTS)).toBe(4 * 3_600_000);
  });
});

describe("failureKind", () => {
  it("marks the address only when the server refuses the recipient for good", () => {
    expect(failureKind({ responseCode: 550, command: "RCPT TO" })).toBe("bounce");
    expect(failureKind({ responseCode: 554, command: "DATA" })).toBe("reject");
  });
  it("retries temporary refusals, lost connections and settings an admin can fix", () => {
    expect(failureKind({ responseCode: 451, command: "RCPT TO" })).toBe("retry");
    expect(failureKind({ message: "connect ECONNREFUSED 127.0.0.1:1" })).toBe("retry");
    expect(failureKind({ responseCode: 535, command: "AUTH PLAIN" })).toBe("retry");
    expect(failureKind({ responseCode: 553, command: "MAIL FROM" })).toBe("retry");
  });
});
