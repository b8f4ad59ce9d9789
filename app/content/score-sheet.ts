import { t } from "~/i18n/messages";
import { PART_MAX, type ScoreOutcome, type Sheet, scoreSheet } from "~/ocop/scoring";

/**
 * The score sheet of module 2 (lesson "Chấm điểm và xếp hạng sao"). The sub-criteria of Decision
 * 148/QĐ-TTg differ per product sub-group (the lesson says so), so the training sheet scores the
 * three parts A (40), B (25), C (35); scoring goes through the shared `scoreSheet`.
 */
export const LESSON_SHEET: Sheet = {
  id: "ocop-148-parts",
  title: "modules.sheet.title",
  criteria: [
    { id: "A", part: "A", label: "modules.sheet.partA", max: PART_MAX.A },
    { id: "B", part: "B", label: "modules.sheet.partB", max: PART_MAX.B },
    { id: "C", part: "C", label: "modules.sheet.partC", max: PART_MAX.C },
  ],
};

export const sheetMessages = {
  missing: t("modules.sheet.missing"),
  outOfRange: (max: number) => t("modules.sheet.outOfRange", { max }),
  notAnOption: t("modules.sheet.notAnOption"),
};

/** "28", "28.5" or "28,5" → 28.5; anything else → NaN (reported as "not a number"). */
export function readPoints(raw: unknown): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== "string") return Number.NaN;
  const s = raw.trim();
  if (s === "") return undefined;
  if (!/^-?\d{1,3}(?:[.,]\d{1,2})?$/.test(s)) return Number.NaN;
  return Number(s.replace(",", "."));
}

/** Scores posted or typed values (criterion id → text) on the lesson sheet. */
export function scoreLessonSheet(input: Record<string, unknown>): ScoreOutcome {
  const points: Record<string, number | undefined> = {};
  const notNumbers: Record<string, string> = {};
  for (const c of LESSON_SHEET.criteria) {
    const value = readPoints(input[c.id]);
    if (value !== undefined && Number.isNaN(value)) notNumbers[c.id] = t("modules.sheet.notNumber");
    else points[c.id] = value;
  }
  const outcome = scoreSheet(LESSON_SHEET, points, sheetMessages);
  if (Object.keys(notNumbers).length === 0) return outcome;
  return { ok: false, errors: { ...(outcome.ok ? {} : outcome.errors), ...notNumbers } };
}
