import { t } from "~/i18n/messages";
import { PART_SHEET, scoreByPart } from "~/ocop/part-sheet";
import type { ScoreOutcome } from "~/ocop/scoring";

/**
 * The lesson's score sheet (module 2, "Chấm điểm và xếp hạng sao") reads typed text into points and
 * scores them on the shared sheet by part (`~/ocop/part-sheet`), the same one the business plan uses.
 */

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
  for (const c of PART_SHEET.criteria) {
    const value = readPoints(input[c.id]);
    if (value !== undefined && Number.isNaN(value)) notNumbers[c.id] = t("modules.sheet.notNumber");
    else points[c.id] = value;
  }
  const outcome = scoreByPart(points);
  if (Object.keys(notNumbers).length === 0) return outcome;
  return { ok: false, errors: { ...(outcome.ok ? {} : outcome.errors), ...notNumbers } };
}
