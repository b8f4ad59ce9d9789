/**
 * Email over SMTP, configured by the environment: `SMTP_URL` (smtp://user:pass@host:587, smtps://… for TLS from the
 * start), `MAIL_FROM` (the sender) and `PUBLIC_URL` (the address people open the app at, for links in emails).
 * No SMTP_URL: email is off, notifications stay in the bell (docs/decisions/0035).
 */
import nodemailer, { type Transporter } from "nodemailer";
import type { ChannelAdapter } from "./channels";
import { type SendError, failureKind } from "./retry";

export type MailSettings = { url: string; server: string; from: string; origin: string };

export function mailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  let server = url;
  try {
    const u = new URL(url);
    server = `${u.protocol}//${u.host}`; // never the credentials
  } catch {
    /* nodemailer reports the bad URL when it tries */
  }
  const origin = (env.PUBLIC_URL?.trim() || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, "");
  return { url, server, from: env.MAIL_FROM?.trim() || `no-reply@${new URL(origin).hostname}`, origin };
}

export const emailEnabled = () => mailSettings() !== null;

// One pooled transport per SMTP_URL for the process: a connection is reused from one email to the next (a new one
// each time cost ~100 ms of handshakes, capping the outbox near 10 emails a second; pooled, one costs a few ms), and
// closed after a quiet spell. Timeouts stay well inside the outbox's lease, so a send that hangs fails before another
// worker may claim its message again.
const transports = new Map<string, Transporter>();

export function transportFor(settings: MailSettings): Transporter {
  let transport = transports.get(settings.url);
  if (!transport) {
    transport = nodemailer.createTransport({
      url: settings.url,
      pool: true,
      maxConnections: 5,
      idleTimeout: 10_000,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    transports.set(settings.url, transport);
  }
  return transport;
}

/** Closes the pooled connections (tests, between SMTP servers). */
export function closeTransports() {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}

/** The domain of the sender's address: Message-IDs are made under it. */
export function senderDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "localhost";
}

/** Email as a channel: the outgoing message's idempotency key is its Message-ID. */
export function emailAdapter(settings: MailSettings): ChannelAdapter {
  const transport = transportFor(settings);
  return {
    channel: "EMAIL",
    async send(m) {
      try {
        await transport.sendMail({
          from: settings.from,
          to: m.address,
          subject: m.subject,
          text: m.text,
          html: m.html,
          messageId: m.idempotencyKey,
          headers: m.headers,
        });
        return { ok: true };
      } catch (err) {
        const kind = failureKind(err as SendError);
        return { ok: false, permanent: kind !== "retry", badAddress: kind === "bounce", error: String((err as SendError).message ?? err).slice(0, 500) };
      }
    },
  };
}
