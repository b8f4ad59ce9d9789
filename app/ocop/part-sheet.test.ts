import { describe, expect, it } from "vitest";
import { t } from "~/i18n/messages";
import { PART_GROUPS, PART_SHEET, scoreByPart } from "./part-sheet";
import { PART_MAX, sheetMaxima } from "./scoring";

describe("the shared OCOP sheet by part (lesson and business plan)", () => {
  it("has one line per part with the Decision 148 maxima, labelled from the catalogue", () => {
    expect(sheetMaxima(PART_SHEET)).toEqual(PART_MAX);
    expect(PART_SHEET.criteria.map((c) => [c.id, c.max])).toEqual([
      ["A", 40],
      ["B", 25],
      ["C", 35],
    ]);
    expect(PART_SHEET.criteria.map((c) => t(c.label))).toEqual(["A. Sản phẩm và sức mạnh cộng đồng", "B. Khả năng tiếp thị", "C. Chất lượng sản phẩm"]);
    // Criterion groups are guidance only: every key resolves, none carries points.
    for (const keys of Object.values(PART_GROUPS)) for (const k of keys) expect(t(k)).not.toBe(k);
  });

  it("scores with the shared function and reports per part", () => {
    expect(scoreByPart({ A: 28, B: 15, C: 24 })).toEqual({ ok: true, result: { parts: { A: 28, B: 15, C: 24 }, total: 67, stars: 3 } });
    expect(scoreByPart({ A: 41, B: 10 })).toEqual({ ok: false, errors: { A: "Điểm phải từ 0 đến 40, bước 0,5.", C: "Vui lòng nhập điểm." } });
  });
});
