import { z } from "zod";

/** Vietnamese mobile numbers: 10 digits starting 03/05/07/08/09. */
const MOBILE = /^0[35789]\d{8}$/;
/** Fixed lines of offices: area code 02x then the number, 10–11 digits in all. */
const LANDLINE = /^02\d{8,9}$/;

/** Digits only, with the country code written any common way (+84, 84, (+84), 0084) turned into the leading 0. */
function nationalDigits(input: string): string {
  let digits = input.trim().replace(/[\s.\-()]/g, "");
  if (digits.startsWith("+84")) digits = "0" + digits.slice(3);
  else if (digits.startsWith("0084")) digits = "0" + digits.slice(4);
  else if (/^84[235789]\d{8,9}$/.test(digits)) digits = "0" + digits.slice(2);
  // Excel drops the leading 0 of a number cell: "912345678"
  else if (/^[35789]\d{8}$/.test(digits)) digits = "0" + digits;
  return digits;
}

/**
 * "0912345678", "0912 345 678", "0912.345.678", "+84912345678", "84912345678", "(+84) 912 345 678" → "0912345678"
 * (the one stored form), or null. With `landline`, an office's fixed line ("0239 3855 123") is accepted too.
 */
export function normalizePhone(input: string, options: { landline?: boolean } = {}): string | null {
  const digits = nationalDigits(input);
  return MOBILE.test(digits) || (options.landline && LANDLINE.test(digits)) ? digits : null;
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
