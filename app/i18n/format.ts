/**
 * Dates and numbers the Vietnamese way, always in the province's time zone: the one home of dd/MM/yyyy and of the
 * Vietnamese calendar day (docs/decisions/0027). Asia/Ho_Chi_Minh is UTC+7 all year (Vietnam has no daylight saving),
 * so the wall-clock helpers shift by a fixed offset.
 */
const OFFSET_MS = 7 * 60 * 60 * 1000;

const numberFmt = new Intl.NumberFormat("vi-VN");

/** The wall clock of an instant in Vietnam, as the ISO string of that wall time (yyyy-MM-ddTHH:mm…). */
function vnWallClock(value: Date | string | number): string {
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${String(value)}`);
  // by arithmetic, not Intl.DateTimeFormat: a class list formats dozens of dates, and Intl costs ~40× as much
  return new Date(ms + OFFSET_MS).toISOString();
}

/** dd/MM/yyyy */
export function formatDate(value: Date | string | number): string {
  const iso = vnWallClock(value);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** HH:mm */
export function formatTime(value: Date | string | number): string {
  return vnWallClock(value).slice(11, 16);
}

/** dd/MM/yyyy HH:mm */
export function formatDateTime(value: Date | string | number): string {
  return `${formatDate(value)} ${formatTime(value)}`;
}

/** The Vietnamese calendar day of an instant as yyyy-MM-dd (for <input type="date"> and day arithmetic). */
export function vnDay(at: Date): string {
  return vnWallClock(at).slice(0, 10);
}

export function vnYear(at: Date): number {
  return Number(vnDay(at).slice(0, 4));
}

/** The instant a Vietnamese day (yyyy-MM-dd) begins. */
export function vnDayStart(iso: string): Date {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - OFFSET_MS);
}

/** The instants a Vietnamese year spans: [from, to). */
export function vnYearRange(year: number): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(year, 0, 1) - OFFSET_MS), to: new Date(Date.UTC(year + 1, 0, 1) - OFFSET_MS) };
}

/** The instant of a Vietnamese date (yyyy-MM-dd) and time (HH:mm), or null when either is not a real value. */
export function vnInstant(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [+d[1], +d[2], +d[3], +t[1], +t[2]];
  if (mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59 || y < 2000 || y > 2100) return null;
  const ms = Date.UTC(y, mo - 1, da, h, mi) - OFFSET_MS;
  const back = new Date(ms + OFFSET_MS);
  if (back.getUTCDate() !== da || back.getUTCMonth() !== mo - 1) return null; // 31/02 and the like
  return new Date(ms);
}

/** dd/MM/yyyy → yyyy-MM-dd, or null when it is not a real date. */
export function parseVietnameseDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** yyyy-MM-dd → dd/MM/yyyy */
export function isoToVietnamese(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** 20.5 → "20,5", at most two decimals and no grouping, so it reads back through `parseDecimal` (plans/money.ts). */
export function formatDecimal(value: number): string {
  return String(Math.round(value * 100) / 100).replace(".", ",");
}

/** 1.234.567 */
export function formatNumber(value: number): string {
  return numberFmt.format(value);
}
