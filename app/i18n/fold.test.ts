import { describe, expect, it } from "vitest";
import { foldForSearch, matchesSearch } from "./fold";

describe("foldForSearch", () => {
  it("removes Vietnamese diacritics and đ", () => {
    expect(foldForSearch("Nguyễn Văn Ánh")).toBe("nguyen van anh");
    expect(foldForSearch("  Đặng   Thị Đào ")).toBe("dang thi dao");
    expect(foldForSearch("HỢP TÁC XÃ Ươm Tơ")).toBe("hop tac xa uom to");
  });
  it("matches queries typed without diacritics, word by word", () => {
    const name = foldForSearch("Nguyễn Văn A");
    expect(matchesSearch(name, "nguyen van a")).toBe(true);
    expect(matchesSearch(name, "nguyễn")).toBe(true);
    expect(matchesSearch(name, "van nguyen")).toBe(true);
    expect(matchesSearch(name, "tran")).toBe(false);
  });
});
