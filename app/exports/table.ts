/** Table exports for Excel: CSV in UTF-8 with a BOM and CRLF line ends (so Excel reads Vietnamese). */
export type Cell = string | number | null;

const BOM = "\uFEFF";

function csvCell(value: Cell): string {
  if (value === null) return "";
  let s = String(value);
  // A cell starting with = + - @ would be run as a formula by Excel: neutralise it.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(headers: string[], rows: Cell[][]): string {
  return BOM + [headers, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** "tien-do-OCOP-2026" style file names: ascii, no spaces. */
export function asciiFileName(base: string): string {
  return base
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
