/**
 * The plan's OCOP self-assessment sheet (Decision 148/QĐ-TTg, 24/02/2023).
 *
 * What could be confirmed from public sources: the three parts and their maxima (A "Sản phẩm và
 * sức mạnh cộng đồng" 40, B "Khả năng tiếp thị" 25, C "Chất lượng sản phẩm" 35), the criterion
 * groups of each part, and the star bands. The criterion-by-criterion list and points of the food
 * group's sheet could NOT be confirmed here, so this sheet scores by part (one line per part, with
 * its criterion groups named as guidance) instead of inventing criteria or points. The UI says so.
 */
import type { Sheet } from "~/ocop/scoring";
import { PART_MAX, scoreSheet } from "~/ocop/scoring";
import { t } from "~/i18n/messages";

/** Confirmed criterion groups of each part (names only; their points are not split here). */
export const PART_GROUPS = {
  A: ["plans.sheet.groupA1", "plans.sheet.groupA2", "plans.sheet.groupA3"],
  B: ["plans.sheet.groupB1", "plans.sheet.groupB2"],
  C: ["plans.sheet.groupC1", "plans.sheet.groupC2", "plans.sheet.groupC3"],
} as const;

export const FOOD_SHEET: Sheet = {
  id: "food-by-part",
  title: "Nhóm thực phẩm — chấm theo phần (Quyết định 148/QĐ-TTg)",
  criteria: [
    { id: "A", part: "A", label: "Phần A — Sản phẩm và sức mạnh cộng đồng", max: PART_MAX.A },
    { id: "B", part: "B", label: "Phần B — Khả năng tiếp thị", max: PART_MAX.B },
    { id: "C", part: "C", label: "Phần C — Chất lượng sản phẩm", max: PART_MAX.C },
  ],
};

/** Scores step 12's values with the shared scoring function (total and star band). */
export function selfAssessment(values: Record<string, unknown>) {
  const points: Record<string, number | undefined> = {};
  for (const c of FOOD_SHEET.criteria) points[c.id] = typeof values[c.id] === "number" ? (values[c.id] as number) : undefined;
  return scoreSheet(FOOD_SHEET, points, {
    missing: t("form.required"),
    outOfRange: (max) => t("plans.err.score", { max }),
    notAnOption: t("form.invalidChoice"),
  });
}
