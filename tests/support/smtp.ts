import net from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on loopback that keeps what it receives (parsed with mailparser): the receiving end of the
 * outbox's email in tests. `refuse` decides, per recipient and attempt, whether RCPT TO is refused and with what code.
 */
export type Received = { to: string; messageId: string; subject: string; text: string; html: string; headers: ParsedMail["headers"]; listUnsubscribe: string };

export type TestSmtp = {
  url: string;
  port: number;
  received: Received[];
  /** how many times each recipient was offered (accepted or not) */
  offers: Map<string, number>;
  refuse: (fn: (address: string, attempt: number) => number | null) => void;
  close: () => Promise<void>;
};

export async function startSmtp(port = 0, { delayMs = 0 }: { delayMs?: number } = {}): Promise<TestSmtp> {
  const received: Received[] = [];
  const offers = new Map<string, number>();
  let refusal: (address: string, attempt: number) => number | null = () => null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // a client's pooled connection stays open: closing waits this long for it, then ends it
    closeTimeout: 200,
    onRcptTo(address, _session, callback) {
      const attempt = (offers.get(address.address) ?? 0) + 1;
      offers.set(address.address, attempt);
      const code = refusal(address.address, attempt);
      if (code) return callback(Object.assign(new Error(code >= 500 ? "No such user here" : "Try again later"), { responseCode: code }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          received.push({
            to: to?.value[0]?.address ?? "",
            messageId: mail.messageId ?? "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            headers: mail.headers,
            listUnsubscribe: mail.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "",
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.server.address() as net.AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${actual}`,
    port: actual,
    received,
    offers,
    refuse: (fn) => (refusal = fn),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A server that accepts connections and never answers: an SMTP host that hangs. Counts who connected. */
export async function startSilentServer(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    connections: () => connections,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
