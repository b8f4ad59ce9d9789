/**
 * The one alphabet of every code a person reads off paper or a screen and types back: check-in codes, activation
 * codes, certificate codes. No look-alike characters (no I, L, O, 0, 1). Pure (server and browser).
 */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/** `length` characters of the alphabet, each equally likely (bytes of 248 and above are rejected: 248 = 8 × 31). */
export function randomCode(length: number, random: (n: number) => Uint8Array = randomBytes): string {
  const out: string[] = [];
  while (out.length < length) {
    for (const byte of random(32)) {
      if (byte < 248 && out.length < length) out.push(CODE_ALPHABET[byte % CODE_ALPHABET.length]);
    }
  }
  return out.join("");
}

/** What a person typed, made comparable: upper case, without spaces or dashes. */
export function compactCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

/** True when `code` (already compact) is `length` characters of the alphabet. */
export function isCodeOfLength(code: string, length: number): boolean {
  return code.length === length && [...code].every((c) => CODE_ALPHABET.includes(c));
}
