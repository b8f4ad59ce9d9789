import Database from "better-sqlite3";
import { currentCode } from "../app/attendance/checkin-code";
import { SETTLE_EVERY } from "../app/notifications/retry";
import { COURSE, DEMO_PASSWORD } from "../prisma/demo-data";
import type { Received } from "../tests/support/smtp";

/**
 * Write loads for the crash test. Each `write` returns true only when the server acknowledged
 * the write (the answer a user would have seen as success); `verify` lists what is missing or
 * half-written for the acknowledged keys.
 */
export type CrashDriver = {
  name: string;
  concurrency: number;
  /** runs once before the burst, with the server up */
  setup?(base: string, dbFile: string): Promise<void>;
  write(base: string, key: string): Promise<boolean>;
  verify(db: Database.Database, acknowledgedKeys: string[]): string[];
};

const phoneFor = (key: string) => {
  const [w, i] = key.split("-").map(Number);
  return `097${String(w).padStart(2, "0")}${String(i).padStart(5, "0")}`;
};

/** Self-registration: an account, its role and its enrolment written in one transaction. */
const registration: CrashDriver = {
  name: "registration",
  concurrency: 4,
  async write(base, key) {
    const res = await fetch(`${base}/dang-ky`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
      body: new URLSearchParams({
        code: COURSE.enrolmentCode,
        fullName: `Học viên thử ${key}`,
        phone: phoneFor(key),
        role: "learner",
        unitId: "3",
        password: "MatKhau2026",
        passwordConfirm: "MatKhau2026",
      }),
    });
    return res.status === 302;
  },
  verify(db, keys) {
    const problems: string[] = [];
    const row = db.prepare(
      `SELECT u.id, (SELECT count(*) FROM "RoleAssignment" r WHERE r."userId" = u.id) AS roles,
              (SELECT count(*) FROM "Enrolment" e WHERE e."userId" = u.id) AS enrolments
       FROM "User" u WHERE u.phone = ?`,
    );
    for (const key of keys) {
      const found = row.get(phoneFor(key)) as { roles: number; enrolments: number } | undefined;
      if (!found) problems.push(`registration ${key} acknowledged but missing`);
      else if (found.roles !== 1 || found.enrolments !== 1) problems.push(`registration ${key} half-written`);
    }
    // nothing half-written among the unacknowledged ones either
    const orphans = db
      .prepare(`SELECT count(*) AS n FROM "User" u WHERE u.phone LIKE '097%' AND NOT EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."userId" = u.id)`)
      .get() as { n: number };
    if (orphans.n > 0) problems.push(`${orphans.n} registrations without their enrolment`);
    return problems;
  },
};

async function loginCookie(base: string, identifier: string): Promise<string> {
  const res = await fetch(`${base}/dang-nhap`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    body: new URLSearchParams({ identifier, password: DEMO_PASSWORD }),
  });
  return (res.headers.get("set-cookie") ?? "").split(";")[0];
}

/** Self check-in by the seeded class: one attendance row per learner (unique key), or none. */
const checkin = (() => {
  const learners: { phone: string; cookie: string }[] = [];
  let sessionId = 0;
  let secret = "";
  let next = 0;
  const keyToPhone = new Map<string, string>();
  return {
    name: "checkin",
    concurrency: 4,
    async setup(base: string, dbFile: string) {
      const trainer = await loginCookie(base, "giangvien@ocop-demo.vn");
      const at = (min: number) => new Date(Date.now() + 7 * 3600_000 + min * 60_000).toISOString();
      const [from, to] = [at(-5), at(120)];
      await fetch(`${base}/khoa-hoc/1/diem-danh?index`, {
        method: "POST",
        headers: { cookie: trainer, origin: base, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          intent: "create",
          title: "Buổi thử sự cố",
          date: from.slice(0, 10),
          start: from.slice(11, 16),
          end: to.slice(0, 10) === from.slice(0, 10) ? to.slice(11, 16) : "23:59",
          rotateSeconds: "300",
          graceBeforeMin: "15",
          graceAfterMin: "30",
          lateAfterMin: "60",
        }),
      });
      const db = new Database(dbFile, { readonly: true });
      const row = db.prepare('SELECT id, "checkinSecret" FROM "ClassSession" ORDER BY id DESC LIMIT 1').get() as { id: number; checkinSecret: string };
      db.close();
      [sessionId, secret] = [row.id, row.checkinSecret];
      for (let i = 1; i <= 120; i++) {
        const phone = `0913${String(i).padStart(6, "0")}`;
        learners.push({ phone, cookie: await loginCookie(base, phone) });
      }
    },
    async write(base: string, key: string) {
      const learner = learners[next++];
      if (!learner) return false;
      keyToPhone.set(key, learner.phone);
      const res = await fetch(`${base}/diem-danh`, {
        method: "POST",
        redirect: "manual",
        headers: { cookie: learner.cookie, origin: base, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ code: currentCode(secret, new Date(), 300), buoi: String(sessionId) }),
      });
      return res.status === 200;
    },
    verify(db: Database.Database, keys: string[]) {
      const problems: string[] = [];
      const row = db.prepare('SELECT COUNT(*) AS n FROM "Attendance" a JOIN "User" u ON u.id = a."userId" WHERE a."sessionId" = ? AND u.phone = ?');
      for (const key of keys) {
        const n = (row.get(sessionId, keyToPhone.get(key)) as { n: number }).n;
        if (n !== 1) problems.push(`check-in ${key} (${keyToPhone.get(key)}) acknowledged but ${n} rows`);
      }
      return problems;
    },
  } satisfies CrashDriver;
})();

/** Autosaves of one plan step (optimistic versions): the stored version never falls behind an acknowledged save. */
const autosave = (() => {
  let cookie = "";
  let planId = 0;
  let version = 0;
  let acked = 0;
  return {
    name: "autosave",
    concurrency: 1,
    async setup(base: string, dbFile: string) {
      cookie = await loginCookie(base, "chuthe@ocop-demo.vn");
      const db = new Database(dbFile, { readonly: true });
      const plan = db
        .prepare(
          'SELECT p.id AS id FROM "BusinessPlan" p JOIN "ProducerOrg" o ON o.id = p."orgId" JOIN "User" u ON u.id = o."ownerId" WHERE u.email = ? ORDER BY p.id LIMIT 1',
        )
        .get("chuthe@ocop-demo.vn") as { id: number };
      planId = plan.id;
      version = (db.prepare('SELECT version FROM "PlanStep" WHERE "planId" = ? AND step = 2').get(planId) as { version: number } | undefined)?.version ?? 0;
      db.close();
    },
    async write(base: string) {
      const res = await fetch(`${base}/phuong-an/${planId}/buoc/2.data`, {
        method: "POST",
        headers: { cookie, origin: base, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "autosave", version: String(version), structure: `Lần lưu ${version + 1}`, workers: String(version + 1) }),
      });
      if (res.status !== 200) return false;
      version++;
      acked = version;
      return true;
    },
    verify(db: Database.Database) {
      const row = db.prepare('SELECT version, data FROM "PlanStep" WHERE "planId" = ? AND step = 2').get(planId) as
        { version: number; data: string } | undefined;
      if (acked === 0) return [];
      if (!row || row.version < acked) return [`autosave: version ${acked} acknowledged, ${row?.version ?? "nothing"} stored`];
      const text = JSON.parse(row.data).structure as string;
      if (text !== `Lần lưu ${row.version}`) return [`autosave: stored version ${row.version} holds "${text}"`];
      return [];
    },
  } satisfies CrashDriver;
})();

/**
 * Comments that notify by email (the outbox): each acknowledged comment's email must arrive after the restart, under
 * one Message-ID. The SMTP server lives in the crash test; `received` is what it got. A resend of the one message in
 * flight at the kill (accepted by the server, not yet marked sent) is the same message, and the only duplicate allowed.
 */
export const outboxMail: { received: Received[] } = { received: [] };

const commentEmail = (() => {
  let cookie = "";
  let planId = 0;
  return {
    name: "comment-email",
    concurrency: 2,
    async setup(base: string, dbFile: string) {
      cookie = await loginCookie(base, "chuthe@ocop-demo.vn");
      const db = new Database(dbFile, { readonly: true });
      planId = (
        db
          .prepare(
            'SELECT p.id AS id FROM "BusinessPlan" p JOIN "ProducerOrg" o ON o.id = p."orgId" JOIN "User" u ON u.id = o."ownerId" WHERE u.email = ? ORDER BY p.id LIMIT 1',
          )
          .get("chuthe@ocop-demo.vn") as { id: number }
      ).id;
      db.close();
      // the invited consultant is the one each comment tells
      const res = await fetch(`${base}/phuong-an/${planId}?index`, {
        method: "POST",
        headers: { cookie, origin: base, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "invite", contact: "tuvan@ocop-demo.vn" }),
      });
      if (res.status !== 200) throw new Error(`invite: ${res.status}`);
    },
    async write(base: string, key: string) {
      const res = await fetch(`${base}/phuong-an/${planId}?index`, {
        method: "POST",
        headers: { cookie, origin: base, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "comment", step: "3", body: `Góp ý thử ${key}` }),
      });
      return res.status === 200;
    },
    verify(db: Database.Database, keys: string[]) {
      const problems: string[] = [];
      const byId = new Map<string, number>();
      for (const m of outboxMail.received) byId.set(m.messageId, (byId.get(m.messageId) ?? 0) + 1);
      const rowOf = db.prepare(
        `SELECT d.status, d."userId", d.channel, d.key FROM "PlanComment" c JOIN "Delivery" d ON d.key = 'appraisal.comment:plan-comment:' || c.id WHERE c.body = ?`,
      );
      for (const key of keys) {
        const row = rowOf.get(`Góp ý thử ${key}`) as { status: string; userId: number; channel: string; key: string } | undefined;
        if (!row) problems.push(`comment ${key} acknowledged but its email is not in the outbox`);
        else if (row.status !== "SENT") problems.push(`comment ${key}: email ${row.status} after the restart`);
      }
      const sentRows = (db.prepare(`SELECT count(*) AS n FROM "Delivery" WHERE status = 'SENT'`).get() as { n: number }).n;
      if (byId.size !== sentRows) problems.push(`outbox: ${sentRows} emails marked sent, ${byId.size} distinct Message-IDs received`);
      const duplicates = [...byId.values()].reduce((n, c) => n + c - 1, 0);
      // the one worker's group in flight at the kill may go again (decision 0044), with the same Message-IDs
      if (duplicates > SETTLE_EVERY)
        problems.push(`outbox: ${duplicates} emails received twice (at most the ${SETTLE_EVERY} of the group in flight at the kill may be)`);
      console.log(`outbox: ${outboxMail.received.length} emails received, ${byId.size} distinct, ${duplicates} resent after the kill`);
      return problems;
    },
  } satisfies CrashDriver;
})();

export const crashDrivers: CrashDriver[] = [registration, checkin, autosave, commentEmail];
