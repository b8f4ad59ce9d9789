import { describe, expect, it } from "vitest";
import { canContain, idsOnPaths, treeOrder } from "./tree";

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

  it("orders siblings by their Vietnamese names", () => {
    const names = ["Xã Đức Thọ", "Xã Can Lộc", "Xã Ân Phú", "Xã Cẩm Xuyên"].map((name, i) => ({
      id: i + 2,
      name,
      code: String(i),
      level: "COMMUNE",
      parentId: 1,
      path: `/1/${i + 2}/`,
    }));
    expect(treeOrder(names).map((u) => u.name)).toEqual(["Xã Ân Phú", "Xã Can Lộc", "Xã Cẩm Xuyên", "Xã Đức Thọ"]);
  });

  it("reads the ids of the units that are or contain one of the paths, each once", () => {
    expect(idsOnPaths(["/1/2/3/"])).toEqual([1, 2, 3]);
    expect(idsOnPaths(["/1/4/", "/1/2/", "/1/12/"])).toEqual([1, 4, 2, 12]);
    expect(idsOnPaths([])).toEqual([]);
  });
});
