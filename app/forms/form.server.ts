import type { z } from "zod";
import { t } from "~/i18n/messages";
import { CLOSE_CONNECTION, formDataOf, readBodyCapped } from "./body.server";
import { parseFormData } from "./fields.server";

/** Form posts larger than this are refused while reading (uploads have their own limit). */
export const FORM_BYTES_LIMIT = 1024 * 1024;

async function readFormData(request: Request): Promise<FormData> {
  const body = await readBodyCapped(request, FORM_BYTES_LIMIT);
  if (!body.ok) throw tooLarge();
  return formDataOf(request, body.bytes);
}

function tooLarge(): Response {
  return new Response(t("form.tooLarge"), { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8", ...CLOSE_CONNECTION } });
}

/** Reads and validates the posted form; on failure throws nothing but returns the failure. */
export async function parseRequestForm<S extends z.ZodType>(request: Request, schema: S) {
  return parseFormData(schema, await readFormData(request));
}
