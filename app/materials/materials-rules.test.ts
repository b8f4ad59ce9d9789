import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { checkFile, detectType } from "./file-type";
import { checkLessonBody } from "./lesson";
import { LESSON_BODY_LIMIT_BYTES } from "./limits";
import { parseSources, readSources, sourcesText } from "./sources";

async function office(part: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file(part, "<x/>");
  return zip.generateAsync({ type: "uint8array" });
}

const PDF = new TextEncoder().encode("%PDF-1.7\n%%EOF\n");
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

describe("file types from the bytes", () => {
  it("tells PDF, PNG, JPEG and the three Office formats apart by content", async () => {
    expect(detectType(PDF)).toBe("PDF");
    expect(detectType(PNG)).toBe("PNG");
    expect(detectType(JPEG)).toBe("JPEG");
    expect(detectType(await office("word/document.xml"))).toBe("DOCX");
    expect(detectType(await office("xl/workbook.xml"))).toBe("XLSX");
    expect(detectType(await office("ppt/presentation.xml"))).toBe("PPTX");
  });

  it("takes no plain zip, no HTML and no executable", async () => {
    const zip = new JSZip();
    zip.file("a.txt", "x");
    expect(detectType(await zip.generateAsync({ type: "uint8array" }))).toBeNull();
    expect(detectType(new TextEncoder().encode("<html><script>x</script>"))).toBeNull();
    expect(detectType(Uint8Array.from([0x4d, 0x5a, 0x90, 0]))).toBeNull();
  });

  it("refuses a file whose bytes contradict its extension, an unknown extension and an empty file", async () => {
    expect(checkFile("quyet-dinh.PDF", PDF)).toEqual({ ok: true, type: "PDF" });
    expect(checkFile("anh.jpeg", JPEG)).toEqual({ ok: true, type: "JPEG" });
    expect(checkFile("bang.xlsx", await office("word/document.xml"))).toEqual({ ok: false, reason: "mismatch" });
    expect(checkFile("tai-lieu.pdf", new TextEncoder().encode("<html>"))).toEqual({ ok: false, reason: "mismatch" });
    expect(checkFile("chay.exe", Uint8Array.from([0x4d, 0x5a]))).toEqual({ ok: false, reason: "forbidden" });
    expect(checkFile("trang.html", PDF)).toEqual({ ok: false, reason: "forbidden" });
    expect(checkFile("rong.pdf", new Uint8Array())).toEqual({ ok: false, reason: "empty" });
  });
});

describe("lesson body and sources", () => {
  it("takes up to 100 KB, refuses more, an empty body and deep nesting", () => {
    expect(checkLessonBody("a".repeat(LESSON_BODY_LIMIT_BYTES))).toEqual({ ok: true });
    expect(checkLessonBody("ă".repeat(LESSON_BODY_LIMIT_BYTES / 2 + 1))).toEqual({ ok: false, reason: "tooLarge" }); // counted in UTF-8 bytes
    expect(checkLessonBody("  \n ")).toEqual({ ok: false, reason: "required" });
    expect(checkLessonBody(">".repeat(40) + " x")).toEqual({ ok: false, reason: "tooDeep" });
    expect(checkLessonBody("> > trích dẫn hai cấp\n    - danh sách lùi")).toEqual({ ok: true });
  });

  it("reads one source a line, four parts, and names the line that is wrong", () => {
    const ok = parseSources("UBND tỉnh Hà Tĩnh | 3292/QĐ-UBND | 01/11/2018 | Phê duyệt Đề án\n\n Chính phủ|27/2022/NĐ-CP|2022|Cơ chế ");
    expect(ok).toEqual({
      ok: true,
      sources: [
        { issuer: "UBND tỉnh Hà Tĩnh", number: "3292/QĐ-UBND", date: "01/11/2018", title: "Phê duyệt Đề án" },
        { issuer: "Chính phủ", number: "27/2022/NĐ-CP", date: "2022", title: "Cơ chế" },
      ],
    });
    expect(parseSources("a | b | 01/01/2020 | c\na | b | c")).toEqual({ ok: false, line: 2, reason: "parts" });
    expect(parseSources("a | b | 1/1/2020 | c")).toEqual({ ok: false, line: 1, reason: "date" });
    if (ok.ok) expect(parseSources(sourcesText(ok.sources))).toEqual(ok);
    expect(readSources("not json")).toEqual([]);
  });
});
