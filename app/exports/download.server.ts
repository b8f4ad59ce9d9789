import ExcelJS from "exceljs";
import { PRIVATE_NO_STORE } from "~/auth/cache-policy";
import { type Cell, asciiFileName, toCsv } from "./table";

/** A CSV or XLSX download of a table: every export of the app (progress, quiz results, attendance reports, statistics). */
export async function tableDownload(format: "csv" | "xlsx", name: string, sheet: string, headers: string[], rows: Cell[][]): Promise<Response> {
  const file = asciiFileName(name);
  if (format === "csv") {
    return new Response(toCsv(headers, rows), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file}.csv"`,
        "Cache-Control": PRIVATE_NO_STORE,
      },
    });
  }
  const workbook = new ExcelJS.Workbook();
  // Excel refuses sheet names over 31 characters or with \ / ? * [ ] :
  const ws = workbook.addWorksheet(sheet.replace(/[\\/?*[\]:]/g, " ").slice(0, 31));
  ws.addRow(headers).font = { bold: true };
  for (const row of rows) ws.addRow(row.map((c) => (c === null ? "" : c)));
  ws.columns.forEach((col, i) => {
    col.width = Math.min(40, Math.max(8, headers[i]?.length ?? 8, ...rows.slice(0, 50).map((r) => String(r[i] ?? "").length)) + 2);
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return new Response(new Uint8Array(buffer as ArrayBuffer), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${file}.xlsx"`,
      "Cache-Control": PRIVATE_NO_STORE,
    },
  });
}
