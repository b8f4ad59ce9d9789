import { t } from "~/i18n/messages";

/**
 * Table exports: CSV in UTF-8 with a BOM and CRLF line ends (so Excel reads Vietnamese), every text cell quoted so
 * CSV readers keep it as text. Excel still reads a quoted "0912…" as a number, which is why XLSX is the default
 * download and the CSV link says so (docs/decisions/0022).
 */
export type Cell = string | number | null;

const BOM = "\uFEFF";

function csvCell(value: Cell): string {
  if (value === null) return "";
  let s = String(value);
  // A cell starting with = + - @ would be run as a formula by Excel: neutralise it.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return typeof value === "string" ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(headers: string[], rows: Cell[][]): string {
  return BOM + [headers, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** "2 trên 5": a count out of a total in words, since Excel reads "2/5" as a date. */
export const outOf = (done: number, total: number) => t("exports.outOf", { done, total });

/** The download format: XLSX unless CSV is asked for by name. */
export const exportFormat = (params: URLSearchParams): "csv" | "xlsx" => (params.get("dinh-dang") === "csv" ? "csv" : "xlsx");

/** "tien-do-OCOP-2026" style file names: ascii, no spaces. */
export function asciiFileName(base: string): string {
  return base
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
