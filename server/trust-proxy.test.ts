import { describe, expect, it } from "vitest";
import { parseTrustProxy } from "./trust-proxy.js";

describe("parseTrustProxy", () => {
  it("reads nothing as no proxy", () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy("")).toBe(false);
    expect(parseTrustProxy("false")).toBe(false);
  });

  it("reads digits as a hop count, not as an address", () => {
    expect(parseTrustProxy("1")).toBe(1);
    expect(parseTrustProxy(" 2 ")).toBe(2);
  });

  it("reads a list of addresses, subnets and Express's names", () => {
    expect(parseTrustProxy("loopback")).toEqual(["loopback"]);
    expect(parseTrustProxy("10.0.0.5, 10.1.0.0/16,fd00::/8 , ::1")).toEqual(["10.0.0.5", "10.1.0.0/16", "fd00::/8", "::1"]);
  });

  it("refuses what it cannot read, and 'true' (which would trust any client)", () => {
    expect(() => parseTrustProxy("true")).toThrow(/number of proxies/);
    expect(() => parseTrustProxy("nginx")).toThrow(/"nginx"/);
    expect(() => parseTrustProxy("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseTrustProxy("1.2.3")).toThrow();
  });
});
