import { groupThousands, parseVnInteger } from "~/i18n/number";

/**
 * Money in Vietnamese đồng: whole numbers, shown "1.234.567 ₫". Input accepts what people
 * type: "1.234.567", "1234567", "1,234,567", "1.234.567 ₫", "1,2 tỷ", "500 triệu", "200 nghìn".
 * Pure (used on the server and, for live totals, in the browser). The digit grouping is the
 * shared Vietnamese number writing of ~/i18n/number.
 */

export const MONEY_MAX = 1_000_000_000_000_000; // 10^15 ₫: far above any OCOP plan, safe for Number

export type MoneyParse = { ok: true; value: number } | { ok: false; reason: "format" | "negative" | "tooLarge" };

const UNITS: [RegExp, number][] = [
  [/^(tỷ|tỉ|ty|ti)$/, 1_000_000_000],
  [/^(triệu|trieu|tr)$/, 1_000_000],
  [/^(nghìn|nghin|ngàn|ngan|k)$/, 1_000],
];

/** "1.234.567" → 1234567 (the Vietnamese way); money has no decimals, so "1,234,567" is a grouping too. */
function groupedInteger(text: string): number | null {
  if (/^\d{1,3}(,\d{3})+$/.test(text)) return Number(text.replace(/,/g, ""));
  return parseVnInteger(text);
}

/** A number before a unit word: "1,2" / "1.5" are decimals, "1.500" is one thousand five hundred. */
function scaledNumber(text: string): number | null {
  const grouped = parseVnInteger(text);
  if (grouped !== null) return grouped;
  const m = /^(\d+)[.,](\d+)$/.exec(text);
  return m ? Number(`${m[1]}.${m[2]}`) : null;
}

export function parseMoney(input: string): MoneyParse {
  let text = input.trim().toLowerCase().replace(/\s+/g, " ");
  text = text.replace(/(₫|vnđ|vnd|đồng|dong|đ)$/u, "").trim();
  let negative = false;
  if (text.startsWith("-") || text.startsWith("−")) {
    negative = true;
    text = text.slice(1).trim();
  }
  if (!text) return { ok: false, reason: "format" };
  let value: number | null = null;
  const m = /^([\d.,]+)\s*([\p{L}]+)$/u.exec(text);
  if (m) {
    const unit = UNITS.find(([re]) => re.test(m[2]));
    const n = unit ? scaledNumber(m[1]) : null;
    value = unit && n !== null ? Math.round(n * unit[1]) : null;
  } else {
    value = groupedInteger(text);
  }
  if (value === null || !Number.isFinite(value)) return { ok: false, reason: "format" };
  if (negative && value !== 0) return { ok: false, reason: "negative" };
  if (value > MONEY_MAX) return { ok: false, reason: "tooLarge" };
  return { ok: true, value };
}

/** 1234567 → "1.234.567" (the digits grouped the Vietnamese way, for inputs). */
export function groupDigits(value: number): string {
  const sign = value < 0 ? "-" : "";
  return sign + groupThousands(String(Math.abs(Math.round(value))));
}

/** 1234567 → "1.234.567 ₫" (deterministic: the same string on the server and in the browser). */
export function formatMoney(value: number): string {
  return `${groupDigits(value)} ₫`;
}

/** A decimal typed the Vietnamese way ("20,5" or "20.5") → 20.5; null when not a number. */
export function parseDecimal(input: string): number | null {
  const text = input.trim().replace(/\s*%$/, "");
  if (!/^-?\d{1,9}([.,]\d{1,4})?$/.test(text)) return null;
  return Number(text.replace(",", "."));
}
