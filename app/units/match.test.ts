import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { findProvince, parseCatalogue, provinceSlice, searchProvinces } from "./catalogue";
import { foldForSearch } from "~/i18n/fold";
import { matchUnitFixture } from "./fixtures";
import { type MatchUnit, bareKey, editDistance, unitKey, unitMatcher } from "./match";

/** Hà Tĩnh as the database holds it after the catalogue load: the 2020 district and communes, and today's communes. */
const u = matchUnitFixture;
const HA_TINH: MatchUnit[] = [
  u(1, "Tỉnh Hà Tĩnh", "PROVINCE", null, { officialCode: "42" }),
  u(2, "Huyện Can Lộc", "DISTRICT", 1, { former: true }),
  u(3, "Xã Thiên Lộc", "COMMUNE", 2, { officialCode: "18415", former: true, successorIds: [20] }),
  u(4, "Xã Sơn Kim 1", "COMMUNE", 1, { officialCode: "18196", former: true, successorIds: [21] }),
  u(5, "Thị trấn Tây Sơn", "COMMUNE", 1, { officialCode: "18136", former: true, successorIds: [22] }),
  u(6, "Xã Cẩm Quan", "COMMUNE", 1, { officialCode: "18700", former: true, successorIds: [23, 24] }),
  u(20, "Xã Can Lộc", "COMMUNE", 1, { officialCode: "18406" }),
  u(21, "Xã Sơn Kim 1", "COMMUNE", 1, { officialCode: "18196" }),
  u(22, "Xã Sơn Tây", "COMMUNE", 1, { officialCode: "18172" }),
  u(23, "Xã Cẩm Bình", "COMMUNE", 1, { officialCode: "18685" }),
  u(24, "Xã Cẩm Duệ", "COMMUNE", 1, { officialCode: "18754" }),
  u(25, "Phường Thành Sen", "COMMUNE", 1, { officialCode: "18073" }),
];
const match = unitMatcher(HA_TINH);

describe("unit keys", () => {
  it("fold diacritics, case, spaces and Unicode form, and spell the level word out", () => {
    const nfd = "Xã Thiên Lộc".normalize("NFD");
    expect(nfd).not.toBe("Xã Thiên Lộc");
    expect(unitKey(nfd)).toBe("xa thien loc");
    expect(unitKey("  XÃ   thiên lộc ")).toBe("xa thien loc");
    expect(unitKey("TP. Hà Tĩnh")).toBe("thanh pho ha tinh");
    expect(unitKey("TT Tây Sơn")).toBe("thi tran tay son");
    expect(bareKey("Thị trấn  Tây Sơn")).toBe("tay son");
    expect(bareKey("Phường Thành Sen")).toBe("thanh sen");
  });
  it("measure edit distance and give up past the limit", () => {
    expect(editDistance("can loc", "can loc", 2)).toBe(0);
    expect(editDistance("cam binh", "cam bin", 2)).toBe(1);
    expect(editDistance("thanh sen", "xa xa xa xa", 2)).toBe(Infinity);
  });
});

describe("roster unit matcher", () => {
  it("finds today's unit by name with or without its level word, in any case or Unicode form", () => {
    for (const text of ["Xã Can Lộc", "xa can loc", "Can Lộc", "CAN LOC", "X. Can Lộc", "Xã Can Lộc".normalize("NFD"), "  Xã   Can  Lộc "])
      expect(match(text), text).toEqual({ kind: "current", unit: { id: 20, name: "Xã Can Lộc" } });
    expect(match("P. Thành Sen")).toEqual({ kind: "current", unit: { id: 25, name: "Phường Thành Sen" } });
  });
  it("finds a name whose first word is a level word, and a name that holds a dash, without the level word", () => {
    const m = unitMatcher([
      u(1, "Tỉnh Cao Bằng", "PROVINCE", null),
      u(2, "Xã Tĩnh Túc", "COMMUNE", 1),
      u(3, "Xã Quan Sơn", "COMMUNE", 1),
      u(4, "Xã Chân Mây - Lăng Cô", "COMMUNE", 1),
    ]);
    expect(m("  Tĩnh Túc  ,  Cao Bằng ")).toEqual({ kind: "current", unit: { id: 2, name: "Xã Tĩnh Túc" } });
    expect(m("quan son - Cao Bang")).toEqual({ kind: "current", unit: { id: 3, name: "Xã Quan Sơn" } });
    expect(m("chan may - lang co - Cao Bang")).toEqual({ kind: "current", unit: { id: 4, name: "Xã Chân Mây - Lăng Cô" } });
    expect(m("Chân Mây - Lăng Cô")).toEqual({ kind: "current", unit: { id: 4, name: "Xã Chân Mây - Lăng Cô" } });
  });
  it("finds a unit by its official code", () => {
    expect(match("18406")).toEqual({ kind: "current", unit: { id: 20, name: "Xã Can Lộc" } });
    // a catalogue unit's own code is its official code: one unit, not two
    expect(unitMatcher([u(30, "Xã Kỳ Anh", "COMMUNE", null, { code: "18796", officialCode: "18796" })])("18796")).toEqual({
      kind: "current",
      unit: { id: 30, name: "Xã Kỳ Anh" },
    });
    // a code shared by a former commune and its successor means today's
    expect(match("18196")).toEqual({ kind: "current", unit: { id: 21, name: "Xã Sơn Kim 1" } });
  });
  it("prefers today's unit over a former one of the same name", () => {
    expect(match("Xã Sơn Kim 1")).toEqual({ kind: "current", unit: { id: 21, name: "Xã Sơn Kim 1" } });
  });
  it("maps a former commune to its successor, naming both", () => {
    const expected = { kind: "former", former: { id: 3, name: "Xã Thiên Lộc" }, unit: { id: 20, name: "Xã Can Lộc" } };
    for (const text of ["Xã Thiên Lộc", "thien loc", "Xã Thiên Lộc, Huyện Can Lộc", "Thiên Lộc - Can Lộc", "Thiên Lộc – Can Lộc".normalize("NFD"), "18415"])
      expect(match(text), text).toEqual(expected);
    expect(match("TT Tây Sơn")).toEqual({ kind: "former", former: { id: 5, name: "Thị trấn Tây Sơn" }, unit: { id: 22, name: "Xã Sơn Tây" } });
  });
  it("asks for a choice when the former commune was split", () => {
    expect(match("Xã Cẩm Quan")).toEqual({
      kind: "split",
      former: { id: 6, name: "Xã Cẩm Quan" },
      choices: [
        { id: 23, name: "Xã Cẩm Bình" },
        { id: 24, name: "Xã Cẩm Duệ" },
      ],
    });
  });
  it("places a former district at the province", () => {
    expect(match("Huyện Can Lộc")).toEqual({ kind: "district", district: { id: 2, name: "Huyện Can Lộc" }, unit: { id: 1, name: "Tỉnh Hà Tĩnh" } });
  });
  it("refuses an unknown unit with the closest names", () => {
    const found = match("Xã Cẩm Bìn");
    expect(found.kind).toBe("unknown");
    expect(found.kind === "unknown" && found.suggestions[0]).toBe("Xã Cẩm Bình");
    expect(match("Xã Không Có")).toEqual({ kind: "unknown", suggestions: [] });
  });
  it("tells apart two units of one name by the place written after it", () => {
    const twoProvinces = unitMatcher([
      u(1, "Thành phố Hà Nội", "PROVINCE", null),
      u(2, "Tỉnh Hà Tĩnh", "PROVINCE", null),
      u(3, "Xã Thiên Lộc", "COMMUNE", 1),
      u(4, "Xã Thiên Lộc", "COMMUNE", 2),
    ]);
    expect(twoProvinces("Xã Thiên Lộc").kind).toBe("ambiguous");
    expect(twoProvinces("Xã Thiên Lộc, Hà Tĩnh")).toEqual({ kind: "current", unit: { id: 4, name: "Xã Thiên Lộc" } });
  });
});

describe("the shipped catalogue", () => {
  const dir = "prisma/data/units-2025";
  const read = (f: string) => fs.readFileSync(`${dir}/${f}`, "utf8");
  const cat = parseCatalogue({
    provinces: read("provinces.tsv"),
    communes: read("communes.tsv"),
    former: read("former-communes.tsv"),
    formerProvinces: read("former-provinces.tsv"),
  });

  it("holds 34 provinces, 3,321 communes and 10,047 former communes", () => {
    expect([cat.provinces.length, cat.communes.length, cat.former.length, cat.formerProvinces.length]).toEqual([34, 3321, 10047, 63]);
    const haTinh = provinceSlice(cat, "42")!;
    expect(haTinh.province.name).toBe("Tỉnh Hà Tĩnh");
    expect(haTinh.communes).toHaveLength(69);
    expect(haTinh.former.find((f) => f.code === "18415")).toMatchObject({ name: "Xã Thiên Lộc", successorCodes: ["18406"] });
  });
  it("finds a province by name or code", () => {
    expect(searchProvinces(cat, "ha tinh", foldForSearch).map((p) => p.code)).toEqual(["42"]);
    expect(searchProvinces(cat, "01", foldForSearch).map((p) => p.name)).toEqual(["Thành phố Hà Nội"]);
  });

  it("names the one province an admin means, or says there are several or none", () => {
    const code = (q: string) => {
      const found = findProvince(cat, q, foldForSearch);
      return found.kind === "one" ? found.province.code : found.kind === "many" ? found.provinces.map((p) => p.code) : null;
    };
    expect([code("40"), code("Nghệ An"), code("tinh nghe an"), code("NGHE AN".normalize("NFD")), code("nghệ")]).toEqual(["40", "40", "40", "40", "40"]);
    expect(code("1")).toBe("01");
    expect(code("TP Hồ Chí Minh")).toBe("79");
    expect(code("ninh")).toEqual(expect.arrayContaining(["22", "24"]));
    expect([code("Atlantis"), code("99"), code("  ")]).toEqual([null, null, null]);
  });
});
