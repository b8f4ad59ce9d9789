import { createHmac } from "node:crypto";
import type autocannon from "autocannon";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { type Scenario, type Server, loginCookie } from "../harness";
import { openSession } from "./learner-forms";

/**
 * The hall's network comes back (issue 22, docs/decisions/0046): 210 phones send the check-in each
 * kept while offline, all at once (one connection each), to /diem-danh/gui with its key and the
 * moment it was typed (1–20 minutes ago, inside the session's window, so each is judged at that
 * moment's code). 0 errors, and the measured requests wrote 210 rows, read from the database.
 */
const FULL = 210;
let LEARNERS = FULL;
let sessionId = 0;
let started = 0;
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** The code of the step holding `ms`, as app/attendance/checkin-code.ts makes it. */
function codeAt(secret: string, rotateSeconds: number, ms: number) {
  const mac = createHmac("sha256", secret)
    .update(`checkin:${Math.floor(ms / 1000 / rotateSeconds)}`)
    .digest();
  return Array.from({ length: 6 }, (_, i) => ALPHABET[mac.readUInt32BE(i * 4) % ALPHABET.length]).join("");
}

export const checkinQueued: Scenario = {
  name: "checkin-queued",
  description: `${FULL} check-ins kept on the phones while offline arrive at once when the network is back (POST /diem-danh/gui, typed 1–20 min ago)`,
  baseline: "insert",
  prepare: async (server, mode) => {
    LEARNERS = mode.smoke ? 20 : FULL;
    const trainer = await loginCookie(server, "giangvien@ocop-demo.vn", DEMO_PASSWORD);
    const s = await openSession(server, trainer, { title: "Buổi đo tải ngoại tuyến", rotateSeconds: 30, lateAfterMin: 15, startedMinAgo: 30 });
    sessionId = s.id;
    // typed 1–20 minutes ago, but never before the window opens (15 min before a start clamped to 00:00)
    const earliest = Math.max(Date.now() - 20 * 60_000, s.start - 14 * 60_000);
    const bodies: string[] = [];
    for (let i = 1; i <= LEARNERS; i++) {
      const cookie = await loginCookie(server, `0913${String(i).padStart(6, "0")}`, DEMO_PASSWORD);
      const typedAt = earliest + Math.floor(Math.random() * (Date.now() - 60_000 - earliest));
      const body = new URLSearchParams({
        code: codeAt(s.secret, 30, typedAt),
        buoi: String(sessionId),
        key: `bench-${sessionId}-${i}-${typedAt}`,
        typedAt: String(typedAt),
        sentAt: String(Date.now()),
      }).toString();
      bodies.push(`${cookie}\n${body}`);
    }
    let next = 0;
    return {
      url: `${server.url}/diem-danh/gui`,
      connections: LEARNERS,
      amount: LEARNERS,
      requests: [
        {
          method: "POST",
          setupRequest: (req: autocannon.Request) => {
            const [cookie, body] = bodies[next++ % bodies.length].split("\n");
            return { ...req, body, headers: { ...req.headers, "content-type": "application/x-www-form-urlencoded", origin: server.url, cookie } };
          },
        },
      ],
    };
  },
  before: async (server) => {
    started = Date.now();
    return checkins(server);
  },
  verify: async (server, measured, before) => {
    const elapsed = Date.now() - started;
    const was = before as Awaited<ReturnType<typeof checkins>>;
    const row = await checkins(server);
    const written = row.n - was.n;
    if (measured.requests !== LEARNERS || measured.errors !== 0) throw new Error(`${measured.errors} of ${measured.requests} queued check-ins failed`);
    if (written !== LEARNERS || row.users !== LEARNERS || row.keys !== LEARNERS)
      throw new Error(`the measured run wrote ${written} check-ins (${row.users} learners, ${row.keys} keys), expected ${LEARNERS}`);
    return {
      recordedByMeasuredRun: written,
      distinctLearners: row.users,
      withKey: row.keys,
      present: row.present,
      late: row.late,
      allAnsweredWithin_ms: elapsed,
    };
  },
};

async function checkins(server: Server) {
  const [row] = await server.db.all<{ n: number; users: number; keys: number; present: number; late: number }>(
    `SELECT COUNT(*) AS n, COUNT(DISTINCT "userId") AS users, COUNT("clientKey") AS keys,
       SUM(CASE WHEN status = 'PRESENT' THEN 1 ELSE 0 END) AS present, SUM(CASE WHEN status = 'LATE' THEN 1 ELSE 0 END) AS late
     FROM "Attendance" WHERE "sessionId" = ?`,
    [sessionId],
  );
  return row;
}
