/** Dates and numbers the Vietnamese way, always in the province's time zone. */
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

const dateFmt = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });
const timeFmt = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const numberFmt = new Intl.NumberFormat("vi-VN");

/** dd/MM/yyyy */
export function formatDate(value: Date | string | number): string {
  return dateFmt.format(new Date(value));
}

/** HH:mm */
export function formatTime(value: Date | string | number): string {
  return timeFmt.format(new Date(value));
}

/** dd/MM/yyyy HH:mm */
export function formatDateTime(value: Date | string | number): string {
  return `${formatDate(value)} ${formatTime(value)}`;
}

/** 1.234.567 */
export function formatNumber(value: number): string {
  return numberFmt.format(value);
}
