/**
 * Where to go after login (`?next=`). Only a path that stays on this site is followed: the value
 * is resolved against a stand-in origin, must land on it, and is returned in the URL parser's own
 * normalised, percent-encoded form, so what the browser reads from Location is what was checked.
 * Anything else — another host, `//host`, `/\t/host`, control or invisible characters — gives "/".
 */
const HOME = "/";
const STAND_IN = "https://this-site.invalid";
const MAX_LENGTH = 1000;
/** Controls, format characters (zero-width, bidi), separators/spaces, lone surrogates, backslashes. */
const REFUSED = /[\p{Cc}\p{Cf}\p{Cs}\p{Z}\\]/u;
/** After login a signed-in visitor of the login page is redirected again: never back to it. */
const LOGIN_PATH = "/dang-nhap";

export function safeNext(next: string | null | undefined): string {
  if (!next || next.length > MAX_LENGTH || REFUSED.test(next)) return HOME;
  if (!next.startsWith("/") || next.startsWith("//")) return HOME;
  let url: URL;
  try {
    url = new URL(next, STAND_IN);
  } catch {
    return HOME;
  }
  if (url.origin !== STAND_IN) return HOME;
  const path = url.pathname + url.search + url.hash;
  // "/.//host" or "/a/..//host" normalise to "//host", which a browser reads as another host.
  if (path.startsWith("//") || url.pathname === LOGIN_PATH) return HOME;
  return path;
}

/** `/dang-nhap?da-dang-ky=1`: where registration leads, with what to do next (the same for new and existing accounts). */
export const REGISTERED_PARAM = "da-dang-ky";
