import { TYPE_INFO, type AttachmentType } from "./file-type";
import { readStored } from "./storage.server";

/**
 * A stored file as a download: always `attachment` (never shown inline, where a crafted file could
 * act as a page of this site), the type its bytes were found to be, and no sniffing.
 */
export function attachmentResponse(file: { fileName: string; type: string; storageName: string }): Response | null {
  const bytes = readStored(file.storageName);
  if (!bytes) return null;
  const info = TYPE_INFO[file.type as AttachmentType];
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": info?.mime ?? "application/octet-stream",
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

/** RFC 6266: an ASCII fallback name and the real (Vietnamese) one in UTF-8. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\u0111/g, "d")
    .replace(/\u0110/g, "D")
    .replace(/[^\x20-\x7e]|["\\%]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
