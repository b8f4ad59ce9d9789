/**
 * Reads a request body while counting its bytes, and stops at `limit`: a chunked body declares no
 * length, so only counting what arrives bounds it. Past the limit the rest is left unread (not
 * cancelled: cancelling would reset the connection before the 413 reaches the client).
 * The edge (server/body-limit.js) caps every body too; this holds when an action is called directly.
 */
export type CappedBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false };

export async function readBodyCapped(request: Request, limit: number): Promise<CappedBody> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (!(declared <= limit)) return { ok: false };
  if (!request.body) return { ok: true, bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) return { ok: false };
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** The form fields (and files) of an already-read body; anything that is not a form gives an empty one. */
export async function formDataOf(request: Request, bytes: Uint8Array<ArrayBuffer>): Promise<FormData> {
  try {
    return await new Response(bytes, { headers: { "Content-Type": request.headers.get("Content-Type") ?? "" } }).formData();
  } catch {
    return new FormData();
  }
}

/** Sent with a 413: the unread rest of the body must not be taken for the next request on the connection. */
export const CLOSE_CONNECTION = { Connection: "close" } as const;
