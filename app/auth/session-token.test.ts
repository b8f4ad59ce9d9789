import { describe, expect, it } from "vitest";
import { sessionIdFromToken } from "./session.server";
import { clearedSessionCookie, generateSessionToken, readSessionToken, sessionCookie, slidExpiry } from "./session-token";

describe("session tokens", () => {
  it("are random and stored only as their SHA-256", () => {
    const a = generateSessionToken();
    const b = generateSessionToken();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[a-z2-7]{32}$/);
    expect(sessionIdFromToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(sessionIdFromToken(a)).not.toContain(a);
    expect(sessionIdFromToken(a)).toBe(sessionIdFromToken(a));
    // SHA-256's published test vector: the ids of sessions stored before this hash stay the same
    expect(sessionIdFromToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("slide only in the second half of their life", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const in20days = new Date("2026-01-21T00:00:00Z");
    const in10days = new Date("2026-01-11T00:00:00Z");
    expect(slidExpiry(in20days, now)).toBeNull();
    expect(slidExpiry(in10days, now)?.toISOString()).toBe("2026-01-31T00:00:00.000Z");
  });

  it("set an HttpOnly, SameSite=Lax cookie, Secure over HTTPS", () => {
    const c = sessionCookie("abc", new Date("2026-01-31T00:00:00Z"), true);
    expect(c).toContain("HttpOnly");
    expect(c).toContain("SameSite=Lax");
    expect(c).toContain("Secure");
    expect(sessionCookie("abc", new Date(), false)).not.toContain("Secure");
    expect(clearedSessionCookie(false)).toContain("Max-Age=0");
  });

  it("reads only well-formed tokens from the Cookie header", () => {
    const token = generateSessionToken();
    expect(readSessionToken(`a=1; ocop_session=${token}; b=2`)).toBe(token);
    expect(readSessionToken("ocop_session=<script>")).toBeNull();
    expect(readSessionToken(null)).toBeNull();
  });
});
