/**
 * Numbers written the Vietnamese way: "." groups thousands ("10.000"), "," marks the decimals
 * ("2,5", "1.234,5"). Shared by the plan's money fields and the quizzes' numeric answers, so a
 * learner types ten thousand as the lessons and the plan write it. Pure (server and browser).
 */

/** "1.234.567" or "1234567" → 1234567; a dot must group exactly three digits, so "10.5" is not a number. */
export function parseVnInteger(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (/^\d{1,3}(\.\d{3})+$/.test(text)) return Number(text.replace(/\./g, ""));
  return null;
}

/**
 * A whole or decimal number ("10.000", "-2,5", "1.234,5"); null when it is not written the
 * Vietnamese way. "10.5" is refused, not guessed: in Vietnamese writing it is no number at all,
 * and reading it as 10,5 or 105 could mark a right answer wrong. "10,000" is refused too: it is
 * the English way of writing ten thousand, and reading it as ten would be the same trap.
 */
export function parseVnNumber(input: string): number | null {
  const m = /^([-−])?([\d.]{1,19})(?:,(\d{1,6}))?$/.exec(input.trim()); // a sane length: 19 characters before the comma
  if (!m) return null;
  const whole = parseVnInteger(m[2]);
  if (whole === null) return null;
  if (m[3]?.length === 3 && !m[2].includes(".") && m[2].length <= 3) return null;
  const value = m[3] ? Number(`${whole}.${m[3]}`) : whole;
  return m[1] && value !== 0 ? -value : value;
}

/** "1234567" → "1.234.567" */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** 10000 → "10.000", 1234.5 → "1.234,5", -0.25 → "-0,25" (at most six decimals, as typed answers allow). */
export function formatVnNumber(value: number): string {
  const sign = value < 0 ? "-" : "";
  const [whole, decimals] = String(Math.round(Math.abs(value) * 1e6) / 1e6).split(".");
  return `${sign}${groupThousands(whole)}${decimals ? `,${decimals}` : ""}`;
}
