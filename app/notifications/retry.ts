/**
 * When an email that failed is tried again, and which failures are final (docs/decisions/0035). Pure: the outbox
 * worker passes the attempt count and the error the mail server gave.
 */

/** After this many attempts a message is given up (about a day and a half of retries with the delays below). */
/** How many sends share one commit (docs/decisions/0044): fewer disk syncs, and at most this many resent after a crash. */
export const SETTLE_EVERY = 10;

export const MAX_ATTEMPTS = 16;
const FIRST_DELAY_MS = 60_000;
const LONGEST_DELAY_MS = 4 * 60 * 60_000;

/** Exponential backoff: 1, 2, 4 … minutes after the 1st, 2nd, 3rd … failed attempt, never more than 4 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_DELAY_MS);
}

/** What nodemailer reports of a failed send: the SMTP reply code and the command it answered, when there was one. */
export type SendError = { responseCode?: number; command?: string; message?: string };

/**
 * `bounce`: the server refused the recipient for good (5xx to RCPT TO): the address is marked and never tried again.
 * `reject`: it refused this message for good (5xx to the message itself): the row stops, the address stays.
 * `retry`: anything else — a 4xx, no connection, a timeout, refused credentials or sender (wrong settings the
 * admin can fix, so the message is kept).
 */
export function failureKind(err: SendError): "bounce" | "reject" | "retry" {
  const code = err.responseCode ?? 0;
  if (code < 500 || code > 599) return "retry";
  const command = (err.command ?? "").toUpperCase();
  if (command.startsWith("RCPT")) return "bounce";
  if (command === "DATA" || command === "MESSAGE" || command === "BDAT") return "reject";
  return "retry";
}
