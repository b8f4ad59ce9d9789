import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { CODE_ALPHABET, compactCode, isCodeOfLength } from "~/ops/codes";

/**
 * The rotating self check-in code: HMAC-SHA256(session secret, time step) mapped onto the code
 * alphabet (app/ops/codes.ts). The code of the current step and
 * of the previous one are accepted, so a learner who types while the display turns is not refused.
 */
export const CODE_LENGTH = 6;

export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function timeStep(now: Date, rotateSeconds: number): number {
  return Math.floor(now.getTime() / 1000 / rotateSeconds);
}

export function codeForStep(secret: string, step: number): string {
  const mac = createHmac("sha256", secret).update(`checkin:${step}`).digest();
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[mac.readUInt32BE(i * 4) % CODE_ALPHABET.length];
  return code;
}

export function currentCode(secret: string, now: Date, rotateSeconds: number): string {
  return codeForStep(secret, timeStep(now, rotateSeconds));
}

/** Seconds until the displayed code changes. */
export function secondsLeft(now: Date, rotateSeconds: number): number {
  const period = rotateSeconds * 1000;
  return Math.ceil((period - (now.getTime() % period)) / 1000);
}

export function isWellFormedCode(input: string): boolean {
  const code = compactCode(input);
  return isCodeOfLength(code, CODE_LENGTH);
}

/** True when `input` is the code of the current or the previous step. Constant-time comparison. */
export function verifyCode(secret: string, input: string, now: Date, rotateSeconds: number): boolean {
  const code = compactCode(input);
  if (!isWellFormedCode(code)) return false;
  const step = timeStep(now, rotateSeconds);
  let ok = false;
  for (const s of [step, step - 1]) {
    if (timingSafeEqual(Buffer.from(codeForStep(secret, s)), Buffer.from(code))) ok = true;
  }
  return ok;
}
