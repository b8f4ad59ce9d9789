import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/**
 * Sessions as Lucia's guide teaches them: the cookie carries a random token, the database
 * only its SHA-256 (`sessionIdFromToken`, on the server), so a leaked database cannot be replayed as cookies.
 */
export const SESSION_COOKIE = "ocop_session";
export const SESSION_DAYS = 30;
/** Slide the expiry forward when less than this much of the session is left. */
export const SESSION_REFRESH_DAYS = 15;
const DAY = 24 * 60 * 60 * 1000;

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionExpiry(now: Date): Date {
  return new Date(now.getTime() + SESSION_DAYS * DAY);
}

/** Returns the new expiry when the session should slide, otherwise null. */
export function slidExpiry(expiresAt: Date, now: Date): Date | null {
  return expiresAt.getTime() - now.getTime() < SESSION_REFRESH_DAYS * DAY ? sessionExpiry(now) : null;
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  const parts = [`${SESSION_COOKIE}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Expires=${expiresAt.toUTCString()}`];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie("", new Date(0), secure).replace(/Expires=[^;]+/, "Max-Age=0");
}

export function readSessionToken(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) {
      const value = rest.join("=");
      return /^[a-z2-7]{32}$/.test(value) ? value : null;
    }
  }
  return null;
}
