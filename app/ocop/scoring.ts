/**
 * OCOP product scoring under Decision 148/QĐ-TTg (24/02/2023): part A "Sản phẩm và sức mạnh
 * cộng đồng" (40 points), part B "Khả năng tiếp thị" (25), part C "Chất lượng sản phẩm" (35);
 * the total out of 100 gives the star band. One function for the training module's score sheet
 * and the business plan's self-assessment.
 */
export const PARTS = ["A", "B", "C"] as const;
export type Part = (typeof PARTS)[number];
export const PART_MAX: Record<Part, number> = { A: 40, B: 25, C: 35 };
export const TOTAL_MAX = 100;

export type Stars = 1 | 2 | 3 | 4 | 5;

/** Star bands: below 30 → 1★, 30–49 → 2★, 50–69 → 3★, 70–89 → 4★, 90–100 → 5★. */
export function starsFor(total: number): Stars {
  if (!Number.isFinite(total) || total < 0 || total > TOTAL_MAX) throw new RangeError(`total out of range: ${total}`);
  if (total >= 90) return 5;
  if (total >= 70) return 4;
  if (total >= 50) return 3;
  if (total >= 30) return 2;
  return 1;
}

/** One scored line of a sheet: a criterion (or a criterion group) with its maximum points. */
export type Criterion = {
  id: string;
  part: Part;
  label: string;
  max: number;
  /** The allowed point values when the criterion is a choice of levels (Decision 148 style); else any 0..max in steps of 0.5. */
  options?: { points: number; label: string }[];
};

export type Sheet = { id: string; title: string; criteria: Criterion[] };

export type ScoreResult = { parts: Record<Part, number>; total: number; stars: Stars };

export type ScoreOutcome = { ok: true; result: ScoreResult } | { ok: false; errors: Record<string, string> };

/** The maxima of a sheet's criteria must add up to 40/25/35 — checked by tests for every sheet. */
export function sheetMaxima(sheet: Sheet): Record<Part, number> {
  const sums: Record<Part, number> = { A: 0, B: 0, C: 0 };
  for (const c of sheet.criteria) sums[c.part] += c.max;
  return sums;
}

export type ScoreMessages = { missing: string; outOfRange: (max: number) => string; notAnOption: string };

/**
 * Scores `points` (criterion id → points) against `sheet`. Every criterion needs a value within
 * 0..max (and one of its options when it has options); out-of-range values are reported per
 * criterion, never clamped.
 */
export function scoreSheet(sheet: Sheet, points: Record<string, number | undefined>, messages: ScoreMessages): ScoreOutcome {
  const errors: Record<string, string> = {};
  const parts: Record<Part, number> = { A: 0, B: 0, C: 0 };
  for (const c of sheet.criteria) {
    const value = points[c.id];
    if (value === undefined || !Number.isFinite(value)) {
      errors[c.id] = messages.missing;
      continue;
    }
    if (value < 0 || value > c.max || Math.round(value * 2) !== value * 2) {
      errors[c.id] = messages.outOfRange(c.max);
      continue;
    }
    if (c.options && !c.options.some((o) => o.points === value)) {
      errors[c.id] = messages.notAnOption;
      continue;
    }
    parts[c.part] += value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const total = parts.A + parts.B + parts.C;
  return { ok: true, result: { parts, total, stars: starsFor(total) } };
}
