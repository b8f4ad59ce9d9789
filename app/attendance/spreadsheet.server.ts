import ExcelJS from "exceljs";
import type { MessageKey } from "~/i18n/messages";
import "~/i18n/attendance";
import { CSV_MAX_COLUMNS, type CellFlag, type RosterTable, findHeaderRow, parseCsv } from "./roster";
import { ZIP_MAX_UNCOMPRESSED, checkZipBounds } from "./zip-bounds";

/**
 * Reads an uploaded roster (CSV or XLSX) into rows of text. Whatever arrives — a PDF, an old
 * .xls, a CSV saved in a legacy encoding, a workbook whose roster is on the second sheet — gets
 * a Vietnamese message, never an exception.
 */
export type ReadResult = { ok: true; table: RosterTable; sheet?: string } | { ok: false; error: MessageKey; vars?: Record<string, string | number> };

const MAX_SHEET_ROWS = 20_000;

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

export async function readRosterFile(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  if (bytes.length === 0) return { ok: false, error: "att.import.emptyFile" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return { ok: false, error: "att.import.oldXls" };
  if (/\.xlsx?$/i.test(fileName)) return { ok: false, error: "att.import.notSpreadsheet" };
  return readCsv(bytes);
}

function readCsv(bytes: Uint8Array): ReadResult {
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  else {
    // Binary content (NUL bytes) is not a CSV at all.
    if (bytes.subarray(0, 4096).includes(0)) return { ok: false, error: "att.import.notSpreadsheet" };
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, error: "att.import.encoding" };
    }
  }
  // One row past the limit is enough for the roster check to say "too many rows".
  const rows = parseCsv(text, MAX_SHEET_ROWS + 1);
  if (!rows) return { ok: false, error: "att.import.tooManyColumns", vars: { max: CSV_MAX_COLUMNS } };
  return { ok: true, table: { rows } };
}

function cellText(value: ExcelJS.CellValue): { text: string; formula: boolean } {
  if (value === null || value === undefined) return { text: "", formula: false };
  if (typeof value === "string") return { text: value, formula: false };
  if (typeof value === "number" || typeof value === "boolean") return { text: String(value), formula: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), formula: false };
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) return { text: "", formula: true };
    if ("richText" in value) return { text: value.richText.map((r) => r.text).join(""), formula: false };
    if ("text" in value) return { text: String(value.text), formula: false }; // hyperlink
    if ("error" in value) return { text: "", formula: true };
  }
  return { text: "", formula: false };
}

async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  const bounds = checkZipBounds(bytes);
  if (!bounds.ok) {
    if (bounds.reason === "notZip") return { ok: false, error: "att.import.notSpreadsheet" };
    return { ok: false, error: "att.import.unpacksTooLarge", vars: { mb: ZIP_MAX_UNCOMPRESSED / 1024 / 1024 } };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, error: "att.import.notSpreadsheet" };
  }
  let sawRows = false;
  for (const sheet of workbook.worksheets) {
    if (sheet.rowCount > MAX_SHEET_ROWS) return { ok: false, error: "att.import.tooManyRaw" };
    const rows: string[][] = [];
    const formulaCells: CellFlag[] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= Math.min(row.cellCount, 30); c++) {
        const { text, formula } = cellText(row.getCell(c).value);
        cells.push(text);
        if (formula) formulaCells.push({ row: r, col: c - 1 });
      }
      rows.push(cells);
    }
    if (rows.some((r) => r.some((c) => c.trim()))) sawRows = true;
    if (findHeaderRow(rows) >= 0) return { ok: true, table: { rows, formulaCells }, sheet: sheet.name };
  }
  return { ok: false, error: sawRows ? "att.import.noHeaderSheet" : "att.import.empty" };
}
