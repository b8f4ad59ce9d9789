import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

/** Roster uploads: multipart, one file part of at most 2 MB, read into memory. */
export const UPLOAD_LIMIT_BYTES = 2 * 1024 * 1024;

export type Upload = { ok: true; form: FormData; file: File | null } | { ok: false; error: "tooLarge" | "notMultipart" };

export async function readUpload(request: Request): Promise<Upload> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) return { ok: false, error: "notMultipart" };
  if (Number(request.headers.get("Content-Length") ?? "0") > UPLOAD_LIMIT_BYTES + 64 * 1024) return { ok: false, error: "tooLarge" };
  try {
    const form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: UPLOAD_LIMIT_BYTES }));
    const file = form.get("file");
    return { ok: true, form, file: file instanceof File && file.size > 0 ? file : null };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, error: "tooLarge" };
    return { ok: false, error: "notMultipart" };
  }
}
