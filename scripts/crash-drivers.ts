import { currentCode } from "../app/attendance/checkin-code";
import { SETTLE_EVERY } from "../app/notifications/retry";
import { COURSE, DEMO_PASSWORD } from "../prisma/demo-data";
import type { Db } from "../app/db/db.server";
import type { Received } from "../tests/support/smtp";

/**
 * Write loads for the crash test. Each `write` returns true only when the server acknowledged
 * the write (the answer a user would have seen as success); `verify` lists what is missing or
 * half-written for the acknowledged keys. `db` is the app's own client on the server's database
 * (SQLite or PostgreSQL): raw queries as tagged templates, so either engine binds the values.
 */
export type CrashDriver = {
  name: string;
  concurrency: number;
  /** runs once before the burst, with the server up */
  setup?(base: string, db: Db): Promise<void>;
  write(base: string, key: string): Promise<boolean>;
  verify(db: Db, acknowledgedKeys: string[]): Promise<string[]>;
};

const phoneFor = (key: string) => {
  const [w, i] = key.split("-").map(Number);
  return `097${String(w).padStart(2, "0")}${String(i).padStart(5, "0")}`;
};

/** Self-registration: an account, its role and its enrolment written in one transaction. */
let unitId = 0;
const registration: CrashDriver = {
  name: "registration",
  concurrency: 4,
  async setup(_base, db) {
    // a unit of today inside the course's unit: the one a learner of that course picks
    const course = await db.course.findFirstOrThrow({ where: { enrolmentCode: COURSE.enrolmentCode }, select: { unit: { select: { path: true } } } });
    const unit = await db.unit.findFirstOrThrow({
      where: { active: true, validUntil: null, path: { startsWith: course.unit.path } },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    unitId = unit.id;
  },
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
        unitId: String(unitId),
        password: "MatKhau2026",
        passwordConfirm: "MatKhau2026",
      }),
    });
    return res.status === 302;
  },
  async verify(db, keys) {
    const problems: string[] = [];
    for (const key of keys) {
      const [found] = await db.$queryRaw<{ roles: bigint; enrolments: bigint }[]>`
        SELECT (SELECT count(*) FROM "RoleAssignment" r WHERE r."userId" = u.id) AS roles,
               (SELECT count(*) FROM "Enrolment" e WHERE e."userId" = u.id) AS enrolments
        FROM "User" u WHERE u.phone = ${phoneFor(key)}`;
      if (!found) problems.push(`registration ${key} acknowledged but missing`);
      else if (Number(found.roles) !== 1 || Number(found.enrolments) !== 1) problems.push(`registration ${key} half-written`);
    }
    // nothing half-written among the unacknowledged ones either
    const [orphans] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "User" u WHERE u.phone LIKE '097%' AND NOT EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."userId" = u.id)`;
    if (Number(orphans.n) > 0) problems.push(`${orphans.n} registrations without their enrolment`);
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
    async setup(base: string, db: Db) {
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
      const row = await db.classSession.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true, checkinSecret: true } });
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
    async verify(db: Db, keys: string[]) {
      const problems: string[] = [];
      for (const key of keys) {
        const n = await db.attendance.count({ where: { sessionId, user: { phone: keyToPhone.get(key) } } });
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
    async setup(base: string, db: Db) {
      cookie = await loginCookie(base, "chuthe@ocop-demo.vn");
      planId = await producersPlan(db);
      version = (await db.planStep.findFirst({ where: { planId, step: 2 }, select: { version: true } }))?.version ?? 0;
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
    async verify(db: Db) {
      const row = await db.planStep.findFirst({ where: { planId, step: 2 }, select: { version: true, data: true } });
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
    async setup(base: string, db: Db) {
      cookie = await loginCookie(base, "chuthe@ocop-demo.vn");
      planId = await producersPlan(db);
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
    async verify(db: Db, keys: string[]) {
      const problems: string[] = [];
      const byId = new Map<string, number>();
      for (const m of outboxMail.received) byId.set(m.messageId, (byId.get(m.messageId) ?? 0) + 1);
      for (const key of keys) {
        const comment = await db.planComment.findFirst({ where: { body: `Góp ý thử ${key}` }, select: { id: true } });
        const row = comment && (await db.delivery.findFirst({ where: { key: `appraisal.comment:plan-comment:${comment.id}` }, select: { status: true } }));
        if (!row) problems.push(`comment ${key} acknowledged but its email is not in the outbox`);
        else if (row.status !== "SENT") problems.push(`comment ${key}: email ${row.status} after the restart`);
      }
      const sentRows = await db.delivery.count({ where: { status: "SENT" } });
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

/** The demo producer's first plan. */
async function producersPlan(db: Db): Promise<number> {
  const plan = await db.businessPlan.findFirstOrThrow({
    where: { org: { owner: { email: "chuthe@ocop-demo.vn" } } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  return plan.id;
}

export const crashDrivers: CrashDriver[] = [registration, checkin, autosave, commentEmail];
