import { describe, expect, it } from "vitest";
import { canContain, treeOrder } from "./tree";

describe("unit tree", () => {
  it("allows province → district → commune and province → commune", () => {
    expect(canContain("PROVINCE", "DISTRICT")).toBe(true);
    expect(canContain("PROVINCE", "COMMUNE")).toBe(true);
    expect(canContain("DISTRICT", "COMMUNE")).toBe(true);
    expect(canContain("COMMUNE", "COMMUNE")).toBe(false);
    expect(canContain("DISTRICT", "PROVINCE")).toBe(false);
  });
  it("orders parents before children", () => {
    const ordered = treeOrder([
      { id: 3, name: "Xã Thiên Lộc", code: "c", level: "COMMUNE", parentId: 2, path: "/1/2/3/" },
      { id: 1, name: "Hà Tĩnh", code: "p", level: "PROVINCE", parentId: null, path: "/1/" },
      { id: 2, name: "Huyện Can Lộc", code: "d", level: "DISTRICT", parentId: 1, path: "/1/2/" },
    ]);
    expect(ordered.map((u) => [u.id, u.depth])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
    ]);
  });
});
