import type Database from "better-sqlite3";
import { COURSE } from "../prisma/demo-data";

/**
 * Write loads for the crash test. Each `write` returns true only when the server acknowledged
 * the write (the answer a user would have seen as success); `verify` lists what is missing or
 * half-written for the acknowledged keys.
 */
export type CrashDriver = {
  name: string;
  concurrency: number;
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

export const crashDrivers: CrashDriver[] = [registration];
