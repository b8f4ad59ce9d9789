import { createDb } from "../../app/db/db.server";
import { type TestSmtp, startSmtp } from "../../tests/support/smtp";
import { type Measure, type Scenario, type Server, startServer } from "../harness";
import { classDay } from "./class-day";

/**
 * Issue 20: 10,000 emails waiting in the outbox drain through a real SMTP server on loopback while a class day
 * runs, and the class day hardly notices. The same run measures the class day twice, each on a fresh server: alone
 * (email off), then with the 10,000 emails queued the moment it starts. `ratio` is the loaded class day's throughput
 * over the quiet one's; the drain rate counts every email the receiver got, from the queueing to the last one.
 */
const FULL = 10_000;
let EMAILS = FULL;

type ClassDayRun = Measure & { extra?: Record<string, unknown> };

/** Queues `n` invitation emails as the outbox stores them (one row each, due now), to the seed's users in turn. */
async function queueEmails(server: Server, n: number) {
  const db = createDb(server.databaseUrl);
  try {
    const users = (await db.user.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((u) => u.id);
    const now = new Date();
    for (let start = 0; start < n; start += 1000) {
      await db.delivery.createMany({
        data: Array.from({ length: Math.min(1000, n - start) }, (_, k) => {
          const i = start + k;
          const params = JSON.stringify({ title: `Phương án ${i + 1}` });
          return {
            userId: users[i % users.length],
            channel: "EMAIL",
            kind: "plans.invited",
            key: `bench-invite:${i}`,
            address: `nguoi-nhan-${i}@bench.test`,
            params,
            link: "/phuong-an",
            status: "PENDING",
            nextAttemptAt: now,
            createdAt: now,
          };
        }),
      });
    }
  } finally {
    await db.$disconnect();
  }
}

async function outboxCounts(server: Server): Promise<Record<string, number>> {
  const rows = await server.db.all<{ status: string; n: number }>(
    `SELECT status, COUNT(*) AS n FROM "Delivery" WHERE key LIKE 'bench-invite:%' GROUP BY status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export const outboxDrain: Scenario = {
  name: "outbox-drain",
  description: `${FULL.toLocaleString("en")} queued emails drain through a local SMTP server while the class day runs, against the class day alone`,
  baseline: "hello",
  prepare: async () => ({}),
  async run(quietServer: Server, mode) {
    EMAILS = mode.smoke ? 200 : FULL;
    const quiet = (await classDay.run!(quietServer, mode)) as ClassDayRun;
    await classDay.verify!(quietServer, quiet, undefined);

    const smtp: TestSmtp = await startSmtp(0);
    const server = await startServer({
      engine: quietServer.engine,
      processes: quietServer.processes,
      env: { SMTP_URL: smtp.url, MAIL_FROM: "bench@ocop.test" },
    });
    try {
      const started = performance.now();
      await queueEmails(server, EMAILS);
      let drainedAt: number | null = null;
      const watching = (async () => {
        const giveUp = started + 15 * 60_000;
        while (smtp.received.length < EMAILS && performance.now() < giveUp) await new Promise((r) => setTimeout(r, 200));
        if (smtp.received.length >= EMAILS) drainedAt = performance.now();
      })();
      const loaded = (await classDay.run!(server, mode)) as ClassDayRun;
      const classDayEnded = performance.now();
      const sentDuringClassDay = smtp.received.length;
      await classDay.verify!(server, loaded, undefined);
      await watching;
      // the worker marks a batch SENT only after the SMTP server has accepted it: let the last batch's rows settle
      const settleBy = performance.now() + 60_000;
      while ((await outboxCounts(server)).SENT !== EMAILS && performance.now() < settleBy) await new Promise((r) => setTimeout(r, 200));
      const drainSeconds = drainedAt === null ? null : (drainedAt - started) / 1000;
      const classDaySeconds = (classDayEnded - started) / 1000;
      return {
        ...loaded,
        errors: loaded.errors + quiet.errors,
        ratio: Math.round((loaded.rps / quiet.rps) * 1000) / 1000,
        extra: {
          emails: EMAILS,
          received: smtp.received.length,
          distinctMessageIds: new Set(smtp.received.map((m) => m.messageId)).size,
          outbox: await outboxCounts(server),
          drainSeconds: drainSeconds === null ? null : Math.round(drainSeconds * 10) / 10,
          emailsPerSecond: drainSeconds === null ? null : Math.round(EMAILS / drainSeconds),
          emailsPerSecondDuringClassDay: Math.round(sentDuringClassDay / classDaySeconds),
          classDayAlone: { rps: quiet.rps, p50_ms: quiet.p50_ms, p99_ms: quiet.p99_ms, steps: quiet.extra?.steps },
          classDayWithDrain: { rps: loaded.rps, p50_ms: loaded.p50_ms, p99_ms: loaded.p99_ms, steps: loaded.extra?.steps },
        },
      };
    } finally {
      await server.stop();
      await smtp.close();
    }
  },
  // both class days did all their work (checked above); every queued email arrived once and its row says SENT
  verify: async (_server, measured) => {
    const extra = (measured as ClassDayRun).extra as { received: number; distinctMessageIds: number; outbox: Record<string, number> };
    if (extra.received !== EMAILS || extra.distinctMessageIds !== EMAILS || extra.outbox.SENT !== EMAILS)
      throw new Error(
        `expected ${EMAILS} emails received once and SENT, got ${extra.received} (${extra.distinctMessageIds} distinct), rows ${JSON.stringify(extra.outbox)}`,
      );
  },
};
