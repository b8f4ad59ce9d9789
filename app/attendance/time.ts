/**
 * Wall-clock times of the province (Asia/Ho_Chi_Minh, UTC+7 all year: Vietnam has no daylight
 * saving), for session forms: "2026-11-02" + "08:00" ↔ an instant.
 */
const OFFSET_MS = 7 * 3600 * 1000;

/** The instant of a local date (yyyy-MM-dd) and time (HH:mm), or null when either is not a real value. */
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

/** yyyy-MM-dd of an instant in Vietnam (for <input type="date">). */
export function vnDateInput(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** HH:mm of an instant in Vietnam (for <input type="time">). */
export function vnTimeInput(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(11, 16);
}
