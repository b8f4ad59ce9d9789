// A fresh CSP nonce for each page. randomBytes(16) per request asks OpenSSL every time (4% of a lesson
// page's server time under load); drawn from a pool refilled 4 KB at a time, as crypto.randomUUID
// does, each nonce is still 16 bytes from the CSPRNG that no other nonce uses.
import crypto from "node:crypto";

const NONCE_BYTES = 16;
const POOL_BYTES = 4096;

export function nonceSource(fill = (n) => crypto.randomBytes(n)) {
  let pool = Buffer.alloc(0);
  let at = 0;
  return () => {
    if (at + NONCE_BYTES > pool.length) {
      pool = fill(POOL_BYTES);
      at = 0;
    }
    const nonce = pool.toString("base64", at, at + NONCE_BYTES);
    at += NONCE_BYTES;
    return nonce;
  };
}
