import { describe, expect, it } from "vitest";
import { blockedUntil, loginBlockedUntil } from "./throttle";

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

describe("loginBlockedUntil", () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => at(i % 10));
  const none: Date[] = [];

  it("locks an account after five failures, from any address", () => {
    expect(loginBlockedUntil({ account: many(4), address: none, accountFromAddress: none }, at(10))).toBeNull();
    expect(loginBlockedUntil({ account: many(5), address: none, accountFromAddress: none }, at(10))).not.toBeNull();
  });

  it("never locks on the address alone, however many failures it has", () => {
    expect(loginBlockedUntil({ account: none, address: many(10_000), accountFromAddress: none }, at(10))).toBeNull();
  });

  it("from a hot address, one failure of an account makes its next try from there wait", () => {
    const oneFailure = [at(3)];
    expect(loginBlockedUntil({ account: oneFailure, address: many(49), accountFromAddress: oneFailure }, at(10))).toBeNull();
    expect(loginBlockedUntil({ account: oneFailure, address: many(50), accountFromAddress: oneFailure }, at(10))?.toISOString()).toBe(at(18).toISOString());
  });
});
