/**
 * The outbox worker (docs/decisions/0035): sends the EMAIL rows that are due, never from a request. A batch is claimed
 * with one conditional UPDATE (status, lease and a claim token), so two workers never hold the same row; each row is
 * sent with a Message-ID made from its unique key, marked SENT once the server accepted it (ten sends to a commit,
 * decision 0044), and on failure retried with backoff, or stopped for good (a refused address is remembered). A worker
 * that dies mid-send leaves its rows SENDING until the lease runs out; the next worker sends them again with the same
 * Message-ID.
 */
import { createHash, randomUUID } from "node:crypto";
import { db } from "~/db/db.server";
import { formatDateTime } from "~/i18n/format";
import "~/i18n/attendance";
import "~/i18n/notifications";
import "~/i18n/officer";
import type { OutgoingMessage, SendOutcome } from "./channels";
import { type MailSettings, emailAdapter, mailSettings, senderDomain } from "./email.server";
import { type PreferenceKind, isPreferenceKind } from "./choices";
import { MAX_ATTEMPTS, SETTLE_EVERY, retryDelayMs } from "./retry";
import { unsubscribeSecret } from "./secret.server";
import { type EmailInput, renderEmail } from "./templates";
import { unsubscribeToken } from "./unsubscribe";

/** How long a claimed row belongs to its worker (OUTBOX_LEASE_MS): longer than any send can take (see email.server.ts). */
export function leaseMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.OUTBOX_LEASE_MS || 120_000);
  return ms >= 1000 ? ms : 120_000;
}

type Row = Awaited<ReturnType<typeof claim>>[number];

/** Claims up to `limit` due rows for this worker: PENDING and due, or SENDING with a lease that ran out (a dead worker's). */
async function claim(at: Date, limit: number) {
  const due = {
    channel: "EMAIL",
    OR: [
      { status: "PENDING", nextAttemptAt: { lte: at } },
      { status: "SENDING", leaseUntil: { lt: at } },
    ],
  };
  const ids = (await db().delivery.findMany({ where: due, orderBy: { id: "asc" }, take: limit, select: { id: true } })).map((r) => r.id);
  if (!ids.length) return [];
  const token = randomUUID();
  // the condition is checked again by the UPDATE itself: a row another worker claimed meanwhile is not taken
  await db().delivery.updateMany({
    where: { id: { in: ids }, ...due },
    data: { status: "SENDING", claim: token, leaseUntil: new Date(at.getTime() + leaseMs()), attempts: { increment: 1 }, lastTriedAt: at },
  });
  return db().delivery.findMany({ where: { claim: token, status: "SENDING" }, orderBy: { id: "asc" } });
}

/** The same Message-ID for every attempt at one row: a resend after a crash is the same message, not a new one. */
export function messageIdOf(row: { userId: number; channel: string; key: string }, from: string): string {
  const hash = createHash("sha256").update(`${row.userId}\n${row.channel}\n${row.key}`).digest("hex").slice(0, 32);
  return `<${hash}@${senderDomain(from)}>`;
}

function emailOf(row: Row, settings: MailSettings, secret: string): OutgoingMessage {
  const kind = row.kind as PreferenceKind;
  const unsubscribeUrl = `${settings.origin}/ngung-nhan-email?ma=${encodeURIComponent(unsubscribeToken(secret, row.userId, kind))}`;
  const input: EmailInput = {
    kind,
    params: JSON.parse(row.params),
    link: new URL(row.link, settings.origin).toString(),
    createdAt: row.createdAt,
    origin: settings.origin,
    unsubscribeUrl,
  };
  const { subject, text, html } = renderEmail(input);
  return {
    idempotencyKey: messageIdOf(row, settings.from),
    address: row.address,
    subject,
    text,
    html,
    headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

/**
 * After a group's tries, in one transaction (one commit, so a burst of email does not put a disk sync per message
 * in front of the requests): the sent rows marked SENT, the others retried with backoff or stopped for good (a
 * refused address is remembered). Only the claim's holder writes. A crash before this commit sends the group again,
 * with the same Message-IDs.
 */
async function settle(rows: Row[], outcomes: SendOutcome[], at: Date): Promise<DeliveryRun> {
  const done: DeliveryRun = { sent: 0, retried: 0, failed: 0 };
  const mine = (row: Row) => ({ id: row.id, claim: row.claim, status: "SENDING" });
  await db().$transaction(async (tx) => {
    const sent = rows.filter((_, i) => outcomes[i].ok);
    if (sent.length) {
      const { count } = await tx.delivery.updateMany({
        where: { id: { in: sent.map((r) => r.id) }, claim: rows[0].claim, status: "SENDING" },
        data: { status: "SENT", sentAt: at, leaseUntil: null, lastError: null },
      });
      done.sent += count;
    }
    for (const [i, row] of rows.entries()) {
      const outcome = outcomes[i];
      if (outcome.ok) continue;
      if (!outcome.permanent && row.attempts < MAX_ATTEMPTS) {
        const nextAttemptAt = new Date(at.getTime() + retryDelayMs(row.attempts));
        await tx.delivery.updateMany({ where: mine(row), data: { status: "PENDING", nextAttemptAt, leaseUntil: null, lastError: outcome.error } });
        done.retried++;
        continue;
      }
      await tx.delivery.updateMany({ where: mine(row), data: { status: "FAILED", leaseUntil: null, lastError: outcome.error } });
      done.failed++;
      if (outcome.badAddress) {
        await tx.emailBounce.upsert({ where: { address: row.address }, update: {}, create: { address: row.address, reason: outcome.error, at } });
        // nothing more goes to a refused address
        await tx.delivery.updateMany({ where: { address: row.address, status: "PENDING" }, data: { status: "SKIPPED", lastError: outcome.error } });
      }
    }
  });
  return done;
}

export type DeliveryRun = { sent: number; retried: number; failed: number };

/** Sends what is due at `at` (at most `limit` rows); with no SMTP configured, nothing (email is off). */
export async function deliverOutbox(at = new Date(), { limit = 100 }: { limit?: number } = {}): Promise<DeliveryRun> {
  const settings = mailSettings();
  if (!settings) return { sent: 0, retried: 0, failed: 0 };
  const rows = await claim(at, limit);
  if (!rows.length) return { sent: 0, retried: 0, failed: 0 };
  const secret = await unsubscribeSecret();
  const email = emailAdapter(settings);
  const done: DeliveryRun = { sent: 0, retried: 0, failed: 0 };
  for (let i = 0; i < rows.length; i += SETTLE_EVERY) {
    const group = rows.slice(i, i + SETTLE_EVERY);
    // the group goes out at once over the pool's connections: a busy server's event loop then delays ten sends, not one
    const outcomes = await Promise.all(
      group.map((row): Promise<SendOutcome> =>
        isPreferenceKind(row.kind)
          ? email.send(emailOf(row, settings, secret))
          : Promise.resolve({ ok: false, permanent: true, badAddress: false, error: `unknown kind ${row.kind}` }),
      ),
    );
    const settled = await settle(group, outcomes, at);
    done.sent += settled.sent;
    done.retried += settled.retried;
    done.failed += settled.failed;
  }
  return done;
}

/** For the job runner: `run` sends batches while they come full, for at most one interval; the summary, or null when idle. */
export const outboxJob = {
  name: "outbox",
  everyMs: Number(process.env.OUTBOX_MS || 5000),
  run: async (at?: Date) => {
    const total: DeliveryRun = { sent: 0, retried: 0, failed: 0 };
    const until = Date.now() + outboxJob.everyMs;
    const limit = 100;
    for (;;) {
      const done = await deliverOutbox(at ?? new Date(), { limit });
      total.sent += done.sent;
      total.retried += done.retried;
      total.failed += done.failed;
      if (done.sent + done.retried + done.failed < limit || Date.now() > until) break;
    }
    return total.sent + total.retried + total.failed ? total : null;
  },
};

/** The admin settings page's panel: is email on, through what, how the outbox stands, and the last error. */
export async function outboxStatus() {
  const settings = mailSettings();
  const [counts, lastError] = await Promise.all([
    db().delivery.groupBy({ by: ["status"], _count: { _all: true } }),
    db().delivery.findFirst({
      where: { lastError: { not: null }, status: "PENDING", lastTriedAt: { not: null } },
      orderBy: { lastTriedAt: "desc" },
      select: { lastError: true, lastTriedAt: true },
    }),
  ]);
  const count = (s: string) => counts.find((c) => c.status === s)?._count._all ?? 0;
  return {
    enabled: settings !== null,
    server: settings?.server ?? null,
    from: settings?.from ?? null,
    pending: count("PENDING") + count("SENDING"),
    sent: count("SENT"),
    failed: count("FAILED"),
    lastError: lastError ? { message: lastError.lastError!, at: formatDateTime(lastError.lastTriedAt!) } : null,
  };
}
