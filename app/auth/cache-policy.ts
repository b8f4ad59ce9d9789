import { readSessionToken } from "./session-token";

/**
 * What a cache may keep. A page or data response for a signed-in visitor shows personal data: no
 * cache keeps it, not even the browser's (back button on a shared computer in a hall). Anonymous
 * pages may be stored but are revalidated. Static assets are served before Remix and keep theirs.
 */
export const PRIVATE_NO_STORE = "private, no-store";

export function applyCachePolicy(request: Request, headers: Headers): void {
  if (readSessionToken(request.headers.get("Cookie"))) headers.set("Cache-Control", PRIVATE_NO_STORE);
  else if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-cache");
}
