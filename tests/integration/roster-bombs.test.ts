import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import * as importer from "~/routes/khoa-hoc.$courseId.nhap-danh-sach";
import { cookieFor, postRequest, run, tableCounts, testContext } from "../support/http";

/**
 * Files within the 2 MB upload limit that would unpack or parse into far more: each is refused at
 * the file field with a Vietnamese message (4xx) before the workbook or the CSV is built.
 */
const HEADER = ["Họ và tên", "Số điện thoại", "Đơn vị (xã/huyện)"];

async function rosterXlsx(): Promise<JSZip> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Danh sách");
  ws.addRow(HEADER);
  ws.addRow(["Nguyễn Văn An", "0918000001", "Xã Thiên Lộc"]);
  return JSZip.loadAsync(await wb.xlsx.writeBuffer());
}

const zipBytes = async (zip: JSZip) =>
  new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } }));

async function upload(bytes: Uint8Array | string, name: string) {
  const course = await db().course.findFirstOrThrow({ orderBy: { id: "asc" } });
  const form = new FormData();
  form.append("file", new File([typeof bytes === "string" ? bytes : bytes.slice().buffer], name));
  const request = postRequest(`/khoa-hoc/${course.id}/nhap-danh-sach`, form, { cookie: await cookieFor("trainer") });
  return run(() => importer.action({ request, params: { courseId: String(course.id) }, context: testContext() }));
}

describe("decompression and parser bombs in roster uploads", () => {
  it("refuses an XLSX whose sheet unpacks to 40 MB of empty cells", async () => {
    const zip = await rosterXlsx();
    const cells = '<c r="D2"/>'.repeat(3_700_000);
    zip.file(
      "xl/worksheets/sheet1.xml",
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2">${cells}</row></sheetData></worksheet>`,
    );
    const bytes = await zipBytes(zip);
    expect(bytes.byteLength).toBeLessThan(2 * 1024 * 1024);
    const before = await tableCounts();
    const res = await upload(bytes, "bom.xlsx");
    expect(res.status).toBe(422);
    expect(res.data.errors.file).toMatch(/giải nén quá lớn/);
    expect({ ...(await tableCounts()), Session: before.Session }).toEqual(before); // the upload's own session aside
  });

  it("refuses an XLSX of many small sheets that together hold too many cells", async () => {
    const zip = await rosterXlsx();
    const sheet = `<worksheet><sheetData><row r="1">${"<c/>".repeat(20_000)}</row></sheetData></worksheet>`;
    for (let i = 2; i <= 40; i++) zip.file(`xl/worksheets/sheet${i}.xml`, sheet);
    const res = await upload(await zipBytes(zip), "nhieu-trang.xlsx");
    expect(res.status).toBe(422);
    expect(res.data.errors.file).toMatch(/giải nén quá lớn/);
  });

  it("refuses a zip of thousands of entries", async () => {
    const zip = await rosterXlsx();
    for (let i = 0; i < 2000; i++) zip.file(`xl/media/a${i}.txt`, "a");
    const res = await upload(await zipBytes(zip), "nhieu-muc.xlsx");
    expect(res.status).toBe(422);
    expect(res.data.errors.file).toMatch(/giải nén quá lớn/);
  });

  it("refuses an entry that unpacks to more than its header declares", async () => {
    const zip = await rosterXlsx();
    zip.file(
      "xl/worksheets/sheet1.xml",
      `<worksheet><sheetData>${'<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>'.repeat(200_000)}</sheetData></worksheet>`,
    );
    const bytes = await zipBytes(zip);
    // Rewrite the declared size of the sheet in the central directory to 1 000 bytes.
    const view = new DataView(bytes.buffer);
    const name = new TextEncoder().encode("xl/worksheets/sheet1.xml");
    for (let at = 0; at + 46 < bytes.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const length = view.getUint16(at + 28, true);
      if (length === name.length && bytes.subarray(at + 46, at + 46 + length).every((b, i) => b === name[i])) view.setUint32(at + 24, 1000, true);
    }
    const res = await upload(bytes, "noi-doi.xlsx");
    expect(res.status).toBe(422);
    expect(res.data.errors.file).toMatch(/giải nén quá lớn/);
  });

  it("refuses a 2 MB CSV with two million empty columns", async () => {
    const res = await upload(`${HEADER.join(",")}\r\nNguyễn Văn An,0918000001,Xã Thiên Lộc${",".repeat(2_000_000)}\r\n`, "cot.csv");
    expect(res.status).toBe(422);
    expect(res.data.errors.file).toMatch(/quá nhiều cột/);
  });

  it("still reads an ordinary workbook", async () => {
    const res = await upload(await zipBytes(await rosterXlsx()), "lop.xlsx");
    expect(res.status).toBe(200);
    expect(res.data.count).toBe(1);
  });
});
