import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { CODE_ALPHABET } from "./checkin-code";

/**
 * One-time activation codes for accounts a roster import creates: 8 characters without
 * look-alikes, printed for the learner; only a SHA-256 bound to the user id is stored.
 */
export const ACTIVATION_LENGTH = 8;
export const ACTIVATION_DAYS = 30;

export function newActivationCode(): string {
  let code = "";
  for (let i = 0; i < ACTIVATION_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export function activationHash(userId: number, code: string): string {
  return createHash("sha256").update(`${userId}:${code.toUpperCase().replace(/[\s-]/g, "")}`).digest("hex");
}

export function activationMatches(userId: number, code: string, storedHash: string): boolean {
  return timingSafeEqual(Buffer.from(activationHash(userId, code)), Buffer.from(storedHash));
}

export function activationExpiry(now: Date): Date {
  return new Date(now.getTime() + ACTIVATION_DAYS * 24 * 3600 * 1000);
}
