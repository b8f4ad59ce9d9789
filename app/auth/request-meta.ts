import type { AppLoadContext } from "@remix-run/node";
import type { SessionMeta } from "./session.server";

/** Who is asking: the address comes from the server (server.js), never from a header we did not vet. */
export function requestMeta(request: Request, context: AppLoadContext | undefined): SessionMeta {
  return { ip: context?.clientIp || "unknown", userAgent: request.headers.get("User-Agent") ?? "" };
}
