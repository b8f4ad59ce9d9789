import { describe, expect, it } from "vitest";
import { isCurrentPath } from "./app-link";

describe("isCurrentPath (NavLink's rule, for a plain document's menu)", () => {
  it("marks the same path, whatever its letter case or trailing slash", () => {
    expect(isCurrentPath("/khoa-hoc", "/khoa-hoc", false)).toBe(true);
    expect(isCurrentPath("/Khoa-Hoc/", "/khoa-hoc", true)).toBe(true);
  });
  it("marks a path below the entry unless the entry ends there", () => {
    expect(isCurrentPath("/khoa-hoc/1/hoc/a/b", "/khoa-hoc", false)).toBe(true);
    expect(isCurrentPath("/khoa-hoc/1/hoc/a/b", "/khoa-hoc", true)).toBe(false);
  });
  it("does not mark a path that only starts with the same letters, nor home for every page", () => {
    expect(isCurrentPath("/khoa-hoc-cu", "/khoa-hoc", false)).toBe(false);
    expect(isCurrentPath("/khoa-hoc", "/", false)).toBe(false);
    expect(isCurrentPath("/", "/", true)).toBe(true);
  });
});
