import { describe, expect, it } from "vitest";
import { blockedUntil } from "./throttle";

const at = (min: number) => new Date(Date.UTC(2026, 0, 1, 8, min));

describe("blockedUntil", () => {
  it("allows up to four recent failures", () => {
    expect(blockedUntil([at(0), at(1), at(2), at(3)], at(4))).toBeNull();
  });
  it("blocks at five failures within 15 minutes until the oldest of them leaves the window", () => {
    const until = blockedUntil([at(0), at(1), at(2), at(3), at(4)], at(5));
    expect(until?.toISOString()).toBe(at(15).toISOString());
  });
  it("ignores failures older than the window", () => {
    expect(blockedUntil([at(0), at(1), at(2), at(3), at(4)], at(16))).toBeNull();
    expect(blockedUntil([at(0), at(20), at(21), at(22), at(23)], at(24))).toBeNull();
  });
});
