import { describe, expect, it } from "vitest";
import { nonceSource } from "./csp-nonce.js";

describe("CSP nonces", () => {
  it("are 16 bytes each, never repeated across a pool refill", () => {
    const next = nonceSource();
    const nonces = Array.from({ length: 1000 }, next); // 16 000 bytes: three refills
    expect(new Set(nonces).size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("take their bytes from the random source in order, without reusing any", () => {
    let calls = 0;
    const next = nonceSource((n) => Buffer.alloc(n, ++calls));
    const first = Array.from({ length: 256 }, next); // one pool of 4096 bytes
    const after = next();
    expect(new Set(first)).toEqual(new Set([Buffer.alloc(16, 1).toString("base64")]));
    expect(after).toBe(Buffer.alloc(16, 2).toString("base64"));
    expect(calls).toBe(2);
  });
});
