import { zipEntryNames } from "~/attendance/zip-bounds";

/**
 * What an uploaded file is, from its bytes: a name can say anything, the first bytes cannot lie as
 * easily. Office files are zip containers; the part each format cannot do without tells them apart
 * (word/document.xml, xl/workbook.xml, ppt/presentation.xml, next to [Content_Types].xml).
 */
export const ATTACHMENT_TYPES = ["PDF", "DOCX", "XLSX", "PPTX", "PNG", "JPEG"] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** The file names each type may carry, and what it is sent as. */
export const TYPE_INFO: Record<AttachmentType, { extensions: readonly string[]; mime: string }> = {
  PDF: { extensions: ["pdf"], mime: "application/pdf" },
  DOCX: { extensions: ["docx"], mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  XLSX: { extensions: ["xlsx"], mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  PPTX: { extensions: ["pptx"], mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
  PNG: { extensions: ["png"], mime: "image/png" },
  JPEG: { extensions: ["jpg", "jpeg"], mime: "image/jpeg" },
};

/** For the file input's `accept`: the extensions, then the types. */
export const ACCEPT = [...ATTACHMENT_TYPES.flatMap((t) => TYPE_INFO[t].extensions.map((e) => `.${e}`)), ...ATTACHMENT_TYPES.map((t) => TYPE_INFO[t].mime)].join(
  ",",
);

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const OFFICE_PART: readonly [AttachmentType, string][] = [
  ["DOCX", "word/document.xml"],
  ["XLSX", "xl/workbook.xml"],
  ["PPTX", "ppt/presentation.xml"],
];

/** The type the bytes show, or null for anything else (including a zip that is no Office file). */
export function detectType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, PDF)) return "PDF";
  if (startsWith(bytes, PNG)) return "PNG";
  if (startsWith(bytes, JPEG)) return "JPEG";
  if (!startsWith(bytes, ZIP)) return null;
  const names = zipEntryNames(bytes);
  if (!names || !names.includes("[Content_Types].xml")) return null;
  const found = OFFICE_PART.filter(([, part]) => names.includes(part));
  return found.length === 1 ? found[0][0] : null;
}

/** The type a file name claims by its extension, or null when it names none we take. */
export function typeOfName(fileName: string): AttachmentType | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  if (!ext) return null;
  return ATTACHMENT_TYPES.find((t) => TYPE_INFO[t].extensions.includes(ext)) ?? null;
}

export type FileCheck = { ok: true; type: AttachmentType } | { ok: false; reason: "empty" | "forbidden" | "mismatch" };

/** A file is taken when its name and its bytes say the same accepted type. */
export function checkFile(fileName: string, bytes: Uint8Array): FileCheck {
  if (bytes.byteLength === 0) return { ok: false, reason: "empty" };
  const claimed = typeOfName(fileName);
  if (!claimed) return { ok: false, reason: "forbidden" };
  const actual = detectType(bytes);
  if (actual !== claimed) return { ok: false, reason: "mismatch" };
  return { ok: true, type: actual };
}
