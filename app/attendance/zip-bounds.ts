import { inflateRawSync } from "node:zlib";

/**
 * An XLSX is a zip: a 205 KB file can unpack to 200 MB of sheet XML. Before the workbook is parsed,
 * its central directory is read here, the number of entries and their declared sizes bounded, and
 * every entry really inflated with a ceiling (zlib stops at `maxOutputLength`), so a lying size does
 * not get through either. Sheet XML is also bounded in cells, which is what the parser's memory follows.
 */
export const ZIP_MAX_ENTRIES = 200;
export const ZIP_MAX_UNCOMPRESSED = 24 * 1024 * 1024;
/** 20 000 rows of a roster with room for a few extra columns. */
export const SHEET_MAX_CELLS = 400_000;

export type ZipCheck = { ok: true } | { ok: false; reason: "notZip" | "tooLarge" };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function checkZipBounds(bytes: Uint8Array): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) return { ok: false, reason: "notZip" };
  const entries = view.getUint16(eocd + 10, true);
  const centralOffset = view.getUint32(eocd + 16, true);
  if (entries > ZIP_MAX_ENTRIES) return { ok: false, reason: "tooLarge" };
  let at = centralOffset;
  let total = 0;
  let cells = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL) return { ok: false, reason: "notZip" };
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const local = view.getUint32(at + 42, true);
    at = next;
    // 0xFFFFFFFF means zip64: no roster needs 4 GB entries.
    if (size === 0xffffffff || compressed === 0xffffffff) return { ok: false, reason: "tooLarge" };
    total += size;
    if (total > ZIP_MAX_UNCOMPRESSED) return { ok: false, reason: "tooLarge" };
    const data = entryData(view, bytes, local, compressed);
    if (!data) return { ok: false, reason: "notZip" };
    const content = inflate(method, data, size);
    if (content === "tooLarge") return { ok: false, reason: "tooLarge" };
    if (content === null) return { ok: false, reason: "notZip" };
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      cells += countCells(content);
      if (cells > SHEET_MAX_CELLS) return { ok: false, reason: "tooLarge" };
    }
  }
  return { ok: true };
}

/**
 * The entry names of a zip's central directory (at most `limit`), or null when the bytes are no zip.
 * Only the directory is read, nothing is inflated: enough to tell a DOCX from an XLSX (app/materials/file-type.ts).
 */
export function zipEntryNames(bytes: Uint8Array, limit = ZIP_MAX_ENTRIES * 10): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) return null;
  const entries = Math.min(view.getUint16(eocd + 10, true), limit);
  const names: string[] = [];
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < entries; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(at + 28, true);
    if (at + 46 + nameLength > view.byteLength) return null;
    names.push(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return names;
}

function findEocd(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) if (view.getUint32(at, true) === EOCD) return at;
  return -1;
}

function entryData(view: DataView, bytes: Uint8Array, local: number, compressed: number): Uint8Array | null {
  if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL) return null;
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + compressed > view.byteLength) return null;
  return bytes.subarray(start, start + compressed);
}

/** The entry's bytes, never more than it declared: "tooLarge" when it would unpack to more. */
function inflate(method: number, data: Uint8Array, size: number): Uint8Array | "tooLarge" | null {
  if (method === 0) return data.byteLength === size ? data : null;
  if (method !== 8) return null;
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
    return out.byteLength === size ? out : null;
  } catch (error) {
    return (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "tooLarge" : null;
  }
}

/** `<c ` / `<c>` / `<c/>` tags: one per cell the workbook parser would build. */
function countCells(xml: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 2 < xml.length; i++) {
    if (xml[i] === 0x3c && xml[i + 1] === 0x63) {
      const c = xml[i + 2];
      if (c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d) n++;
    }
  }
  return n;
}
