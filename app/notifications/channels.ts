/**
 * Channels beyond the bell, each behind one small interface: given a rendered message and an address, send it or
 * say why not. Email (SMTP, ./outbox.server.ts) is the only one wired. SMS and Zalo have no adapter on purpose:
 * SMS needs a registered brand name with a carrier or aggregator, and Zalo ZNS sends only templates Zalo approved
 * in advance (docs/decisions/0036) — an adapter that pretended to send would lose messages silently.
 */
export type Channel = "EMAIL" | "SMS" | "ZALO";

export type OutgoingMessage = {
  /** the same for every attempt at one outbox row, so a provider that dedupes can */
  idempotencyKey: string;
  address: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  /** Zalo ZNS: the approved template's id and its parameters; SMS: the brand name's template */
  template?: { id: string; params: Record<string, string> };
};

/** `permanent`: never retry this message (and, with `badAddress`, never send to this address again). */
export type SendOutcome = { ok: true } | { ok: false; permanent: boolean; badAddress: boolean; error: string };

export interface ChannelAdapter {
  channel: Channel;
  send(message: OutgoingMessage): Promise<SendOutcome>;
}
