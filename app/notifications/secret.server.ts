/** The app's own HMAC key for unsubscribe links: made once, on first use, and kept in the database (never in the repo). */
import { randomBytes } from "node:crypto";
import { db } from "~/db/db.server";
import { isUniqueViolation } from "~/db/errors";

const NAME = "unsubscribe";

/** The key, made if there is none yet (only the outbox worker calls this: it writes). */
export async function unsubscribeSecret(): Promise<string> {
  const found = await db().appSecret.findUnique({ where: { name: NAME } });
  if (found) return found.value;
  try {
    return (await db().appSecret.create({ data: { name: NAME, value: randomBytes(32).toString("base64url") } })).value;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return (await db().appSecret.findUniqueOrThrow({ where: { name: NAME } })).value; // another worker made it first
  }
}

/** The key as it is, for checking a link (a page read never makes one: with no key, no link was ever signed). */
export async function existingUnsubscribeSecret(): Promise<string | null> {
  return (await db().appSecret.findUnique({ where: { name: NAME } }))?.value ?? null;
}
