import { describe, expect, it } from "vitest";
import { scoreLessonSheet } from "./score-sheet";

const split = (total: number) => {
  const A = Math.min(40, total);
  const B = Math.min(25, total - A);
  return { A: String(A), B: String(B), C: String(total - A - B) };
};

describe("the lesson's OCOP score sheet (shared scoreSheet)", () => {
  it.each([
    [29, 1],
    [30, 2],
    [49, 2],
    [50, 3],
    [69, 3],
    [70, 4],
    [89, 4],
    [90, 5],
    [100, 5],
    [0, 1],
  ])("total %d → %d★", (total, stars) => {
    const out = scoreLessonSheet(split(total));
    expect(out).toMatchObject({ ok: true, result: { total, stars } });
  });

  it("reads Vietnamese decimals (28,5) and half points", () => {
    expect(scoreLessonSheet({ A: "28,5", B: "15", C: "24.5" })).toMatchObject({
      ok: true,
      result: { total: 68, stars: 3, parts: { A: 28.5, B: 15, C: 24.5 } },
    });
  });

  it("rejects out-of-range, non-numeric, missing and quarter points per part", () => {
    const out = scoreLessonSheet({ A: "41", B: "-1", C: "" });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors.A).toBe("Điểm phải từ 0 đến 40, bước 0,5.");
    expect(out.errors.B).toBe("Điểm phải từ 0 đến 25, bước 0,5.");
    expect(out.errors.C).toBe("Vui lòng nhập điểm.");
    const text = scoreLessonSheet({ A: "ba mươi", B: "10", C: "10.25" });
    expect(text.ok ? null : text.errors).toEqual({ A: "Điểm phải là một số (ví dụ 28 hoặc 28,5).", C: "Điểm phải từ 0 đến 35, bước 0,5." });
    expect(scoreLessonSheet({ A: ["1", "2"], B: "1", C: "1" }).ok).toBe(false);
  });
});
