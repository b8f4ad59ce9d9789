/**
 * The one OCOP score sheet "by part" (Decision 148/QĐ-TTg, 24/02/2023), used by the lesson's score
 * sheet (module 2, "Chấm điểm và xếp hạng sao") and the business plan's self-assessment (step 12).
 *
 * What could be confirmed from public sources: the three parts and their maxima (A "Sản phẩm và
 * sức mạnh cộng đồng" 40, B "Khả năng tiếp thị" 25, C "Chất lượng sản phẩm" 35), the criterion
 * groups of each part, and the star bands. The criterion-by-criterion list and points (which differ
 * per product sub-group) could NOT be confirmed here, so the sheet scores by part (one line per part,
 * its criterion groups named as guidance) instead of inventing criteria or points. The UI says so.
 */
import type { MessageKey } from "~/i18n/messages";
import { t } from "~/i18n/messages";
import { type Criterion, PART_MAX, type Part, type ScoreOutcome, type Sheet, scoreSheet } from "./scoring";

/** Labels are catalogue keys, so callers translate them with `t(c.label)`. */
type PartSheet = Omit<Sheet, "title" | "criteria"> & { title: MessageKey; criteria: (Omit<Criterion, "label"> & { label: MessageKey })[] };

export const PART_SHEET: PartSheet = {
  id: "ocop-148-parts",
  title: "ocop.sheet.title",
  criteria: [
    { id: "A", part: "A", label: "ocop.sheet.partA", max: PART_MAX.A },
    { id: "B", part: "B", label: "ocop.sheet.partB", max: PART_MAX.B },
    { id: "C", part: "C", label: "ocop.sheet.partC", max: PART_MAX.C },
  ],
};

/** Confirmed criterion groups of each part (names only; their points are not split here). */
export const PART_GROUPS: Record<Part, readonly MessageKey[]> = {
  A: ["ocop.sheet.groupA1", "ocop.sheet.groupA2", "ocop.sheet.groupA3"],
  B: ["ocop.sheet.groupB1", "ocop.sheet.groupB2"],
  C: ["ocop.sheet.groupC1", "ocop.sheet.groupC2", "ocop.sheet.groupC3"],
};

const messages = {
  missing: t("ocop.sheet.missing"),
  outOfRange: (max: number) => t("ocop.sheet.outOfRange", { max }),
  notAnOption: t("ocop.sheet.notAnOption"),
};

/** Scores points per part (criterion id → points) with the shared `scoreSheet`: total and star band. */
export function scoreByPart(points: Record<string, number | undefined>): ScoreOutcome {
  return scoreSheet(PART_SHEET, points, messages);
}
