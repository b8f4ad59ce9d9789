import { formDataOf, readBodyCapped } from "./body.server";

/** Roster uploads: multipart, one file part of at most 2 MB, read into memory (attachments pass their own limit). */
export const UPLOAD_LIMIT_BYTES = 2 * 1024 * 1024;
/** Room for the other fields and the multipart boundaries around the file. */
const FIELDS_ROOM_BYTES = 64 * 1024;

export type Upload = { ok: true; form: FormData; file: File | null } | { ok: false; error: "tooLarge" | "notMultipart" };

/** The whole body is counted while it is read, so a chunked upload stops at the limit too. */
export async function readUpload(request: Request, limit = UPLOAD_LIMIT_BYTES): Promise<Upload> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) return { ok: false, error: "notMultipart" };
  const body = await readBodyCapped(request, limit + FIELDS_ROOM_BYTES);
  if (!body.ok) return { ok: false, error: "tooLarge" };
  const form = await formDataOf(request, body.bytes);
  const file = form.get("file");
  if (file instanceof File && file.size > limit) return { ok: false, error: "tooLarge" };
  return { ok: true, form, file: file instanceof File && file.size > 0 ? file : null };
}
