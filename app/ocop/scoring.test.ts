import { describe, expect, it } from "vitest";
import { type Sheet, scoreSheet, sheetMaxima, starsFor } from "./scoring";

const messages = { missing: "thiếu", outOfRange: (max: number) => `0–${max}`, notAnOption: "không hợp lệ" };
const byPart: Sheet = {
  id: "parts",
  title: "Theo phần",
  criteria: [
    { id: "A", part: "A", label: "Phần A", max: 40 },
    { id: "B", part: "B", label: "Phần B", max: 25 },
    { id: "C", part: "C", label: "Phần C", max: 35 },
  ],
};

describe("starsFor (Decision 148/QĐ-TTg bands)", () => {
  it.each([
    [0, 1],
    [29, 1],
    [29.5, 1],
    [30, 2],
    [49, 2],
    [50, 3],
    [69, 3],
    [70, 4],
    [89, 4],
    [90, 5],
    [100, 5],
  ])("%d points → %d★", (total, stars) => {
    expect(starsFor(total)).toBe(stars);
  });
  it("rejects totals outside 0–100", () => {
    expect(() => starsFor(-1)).toThrow(RangeError);
    expect(() => starsFor(100.5)).toThrow(RangeError);
    expect(() => starsFor(Number.NaN)).toThrow(RangeError);
  });
});

describe("scoreSheet", () => {
  it("adds parts and gives the band", () => {
    const out = scoreSheet(byPart, { A: 30, B: 20, C: 20 }, messages);
    expect(out).toEqual({ ok: true, result: { parts: { A: 30, B: 20, C: 20 }, total: 70, stars: 4 } });
    expect(sheetMaxima(byPart)).toEqual({ A: 40, B: 25, C: 35 });
  });
  it("reports missing and out-of-range points per criterion instead of clamping", () => {
    const out = scoreSheet(byPart, { A: 41, B: -1 }, messages);
    expect(out).toEqual({ ok: false, errors: { A: "0–40", B: "0–25", C: "thiếu" } });
    expect(scoreSheet(byPart, { A: 10.3, B: 1, C: 1 }, messages).ok).toBe(false);
  });
  it("accepts only listed levels when a criterion has options", () => {
    const sheet: Sheet = {
      id: "x",
      title: "x",
      criteria: [
        {
          id: "A1",
          part: "A",
          label: "",
          max: 3,
          options: [
            { points: 0, label: "" },
            { points: 3, label: "" },
          ],
        },
      ],
    };
    expect(scoreSheet(sheet, { A1: 2 }, messages)).toEqual({ ok: false, errors: { A1: "không hợp lệ" } });
    expect(scoreSheet(sheet, { A1: 3 }, messages).ok).toBe(true);
  });
});
