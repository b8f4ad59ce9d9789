import { redirect } from "@remix-run/node";
import { t } from "~/i18n/messages";
import { type Access, SIGNED_IN, allows } from "./access";
import { type AuthUser, validateSessionToken } from "./session.server";
import { readSessionToken } from "./session-token";

/**
 * The one authorization guard. Every loader and action calls `requireUser` (or, on public
 * pages, `getAuth`), so a rule is never enforced by the UI alone.
 */
export type Auth = {
  user: AuthUser;
  sessionId: string;
  refreshedCookie?: string;
  /**
   * The bell's unread count when the session was looked up. Still current for the loaders that use it: a lookup
   * is shared only by the GET loaders of one load, which never write, and the loaders after an action get a
   * request of their own and so a lookup of their own.
   */
  unread: number;
};

const perRequest = new WeakMap<Request, Promise<Auth | null>>();
const perPageLoad = new WeakMap<object, Map<string, Promise<Auth | null>>>();

export function isSecureRequest(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

/**
 * The signed-in user of this request, or null. Looked up once per request — and once per page
 * load when the loader passes its load context: Remix gives every loader its own copy of the
 * Request, so the root loader and the page's loader would otherwise each look the session up.
 * Only for GET/HEAD (the loaders of one load run together); keyed by token as well, so a context
 * object reused by mistake can never hand one user's session to another.
 */
export function getAuth(request: Request, context?: object): Promise<Auth | null> {
  let pending = perRequest.get(request);
  if (pending) return pending;
  const token = readSessionToken(request.headers.get("Cookie"));
  if (!token) pending = Promise.resolve(null);
  else {
    const load = context && (request.method === "GET" || request.method === "HEAD") ? lookupsOfLoad(context) : null;
    pending = load?.get(token) ?? validateSessionToken(token, isSecureRequest(request));
    load?.set(token, pending);
  }
  perRequest.set(request, pending);
  return pending;
}

function lookupsOfLoad(context: object): Map<string, Promise<Auth | null>> {
  let lookups = perPageLoad.get(context);
  if (!lookups) perPageLoad.set(context, (lookups = new Map()));
  return lookups;
}

// A refusal is about one visitor and one object: no cache keeps it (finding 11 of issue 13).
const REFUSAL_HEADERS = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" };

export function forbidden(): Response {
  return new Response(t("error.forbidden.body"), { status: 403, headers: REFUSAL_HEADERS });
}

export function notFound(): Response {
  return new Response(t("error.notFound.body"), { status: 404, headers: REFUSAL_HEADERS });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Mutations must come from our own pages. Browsers send Origin on every POST; a request
 * without it and without Sec-Fetch-Site: cross-site is a non-browser client (tests, curl).
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("Origin");
  const ours = new URL(request.url).origin;
  if (origin === null) {
    if (request.headers.get("Sec-Fetch-Site") === "cross-site") throw badOrigin();
    return;
  }
  if (origin !== ours) throw badOrigin();
}

function badOrigin(): Response {
  return new Response(t("form.badOrigin"), { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  const next = url.pathname + url.search;
  return redirect(next === "/" ? "/dang-nhap" : `/dang-nhap?next=${encodeURIComponent(next)}`);
}

/**
 * Signed-in user allowed by `access` (a role rule: holds one of its roles somewhere).
 * Anonymous → redirect to login; not allowed → 403. Which objects the user then reaches is
 * app/access's answer (docs/decisions/0016), never the route's. A loader passes its load context,
 * so the page's loaders look the session up once between them (see `getAuth`).
 */
export async function requireUser(request: Request, access: Access = SIGNED_IN, context?: object): Promise<Auth> {
  assertSameOrigin(request);
  const auth = await getAuth(request, context);
  if (!auth) throw loginRedirect(request);
  if (!allows(auth.user.grants, access)) throw forbidden();
  return auth;
}

/** Public actions (login, registration) still refuse foreign origins. */
export function requireSameOrigin(request: Request): void {
  assertSameOrigin(request);
}
