import { createHash, timingSafeEqual } from "node:crypto";
import { compactCode, randomCode } from "~/ops/codes";

/**
 * One-time activation codes for accounts a roster import creates: 8 characters without
 * look-alikes, printed for the learner; only a SHA-256 bound to the user id is stored.
 */
export const ACTIVATION_LENGTH = 8;
export const ACTIVATION_DAYS = 30;

export function newActivationCode(): string {
  return randomCode(ACTIVATION_LENGTH);
}

export function activationHash(userId: number, code: string): string {
  return createHash("sha256")
    .update(`${userId}:${compactCode(code)}`)
    .digest("hex");
}

export function activationMatches(userId: number, code: string, storedHash: string): boolean {
  if (!storedHash) return false; // an expired code, blanked by the expiry job
  return timingSafeEqual(Buffer.from(activationHash(userId, code)), Buffer.from(storedHash));
}

export function activationExpiry(now: Date): Date {
  return new Date(now.getTime() + ACTIVATION_DAYS * 24 * 3600 * 1000);
}
