import { z } from "zod";

/** Vietnamese mobile numbers: 10 digits starting 03/05/07/08/09, or the same after +84. */
const MOBILE = /^0[35789]\d{8}$/;

/** Accepts "0912 345 678", "0912.345.678", "+84912345678" and returns "0912345678", or null. */
export function normalizePhone(input: string): string | null {
  let digits = input.trim().replace(/[\s.\-()]/g, "");
  if (digits.startsWith("+84")) digits = "0" + digits.slice(3);
  return MOBILE.test(digits) ? digits : null;
}

export function normalizeEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return z.email().safeParse(email).success && email.length <= 254 ? email : null;
}

export type LoginIdentifier = { kind: "email"; value: string } | { kind: "phone"; value: string };

/** A login is an email (has "@") or a mobile number. */
export function parseIdentifier(input: string): LoginIdentifier | null {
  if (input.includes("@")) {
    const email = normalizeEmail(input);
    return email ? { kind: "email", value: email } : null;
  }
  const phone = normalizePhone(input);
  return phone ? { kind: "phone", value: phone } : null;
}

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
