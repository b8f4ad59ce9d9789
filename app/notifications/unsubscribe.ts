/**
 * The signed token in every email's unsubscribe link: who and which kind, with an HMAC-SHA256 under the app's own
 * secret, so a link turns off one kind for one person and cannot be edited into another. Pure (the secret is passed).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { type PreferenceKind, isPreferenceKind } from "./choices";

const signature = (secret: string, userId: number, kind: string) =>
  createHmac("sha256", secret).update(`unsubscribe:${userId}:${kind}`).digest("base64url").slice(0, 32);

/** `<userId>.<kind>.<signature>` (kinds contain dots; the signature is base64url, which has none). */
export function unsubscribeToken(secret: string, userId: number, kind: PreferenceKind): string {
  return `${userId}.${kind}.${signature(secret, userId, kind)}`;
}

export function readUnsubscribeToken(secret: string, token: string): { userId: number; kind: PreferenceKind } | null {
  const m = /^(\d{1,10})\.([a-zA-Z.]{1,60})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m || !isPreferenceKind(m[2])) return null;
  const userId = Number(m[1]);
  const expected = Buffer.from(signature(secret, userId, m[2]));
  const given = Buffer.from(m[3]);
  return timingSafeEqual(expected, given) ? { userId, kind: m[2] } : null;
}
