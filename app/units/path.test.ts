import { describe, expect, it } from "vitest";
import { childPath, pathIds, provinceIdOf, provincePath } from "./path";

describe("unit paths", () => {
  it("builds a child's path under its parent's", () => {
    expect(childPath("/1/", 4)).toBe("/1/4/");
    expect(childPath("/1/4/", 9)).toBe("/1/4/9/");
  });
  it("reads the ids from the province down, and the province alone", () => {
    expect(pathIds("/1/4/9/")).toEqual([1, 4, 9]);
    expect(pathIds("/12/")).toEqual([12]);
    expect(provinceIdOf("/12/40/")).toBe(12);
    expect(provincePath("/12/40/77/")).toBe("/12/");
  });
});
