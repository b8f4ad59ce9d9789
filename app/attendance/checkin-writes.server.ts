import { Prisma } from "../../generated/prisma/client";
import { insertRows } from "~/db/bulk.server";
import { db } from "~/db/db.server";
import { isUniqueViolation } from "~/db/errors";

/**
 * Group commit for self check-ins (docs/decisions/0039). A check-in's row is durable only once
 * its transaction commits, and with `synchronous = FULL` every commit waits for an fsync that
 * blocks the whole process. When a hall checks in at once, the check-ins that arrive while one
 * batch is being written wait together and are written in the next single transaction: one fsync
 * for the batch instead of one per learner. Each caller's promise settles only after the commit
 * that holds its row, so "recorded" is never said before the row is on disk.
 */
export type CheckinRow = { sessionId: number; userId: number; status: "PRESENT" | "LATE"; markedAt: Date; clientKey?: string | null };
/** Not written: the status recorded, and the key of the queued check-in that recorded it (if one did). */
export type CheckinWrite = { written: true } | { written: false; status: string; clientKey: string | null };

type Waiting = { row: CheckinRow; settle: (write: CheckinWrite) => void; fail: (error: unknown) => void };

let queue: Waiting[] = [];
let writing = false;

/** Writes the learner's check-in row, or answers the status already recorded for that session. */
export function writeCheckin(row: CheckinRow): Promise<CheckinWrite> {
  return new Promise((settle, fail) => {
    queue.push({ row, settle, fail });
    // the first of a burst starts the writer; the rest join the batch being gathered
    if (!writing) {
      writing = true;
      setImmediate(writeBatches);
    }
  });
}

async function writeBatches() {
  while (queue.length > 0) {
    const batch = queue;
    queue = [];
    try {
      const writes = await writeTogether(batch.map((w) => w.row));
      batch.forEach((w, i) => w.settle(writes[i]));
    } catch {
      // One bad row (its session deleted meanwhile) must not sink the others: each on its own.
      for (const w of batch) await writeTogether([w.row]).then(([write]) => w.settle(write), w.fail);
    }
  }
  writing = false;
}

/** One transaction: rows already recorded (or twice in the batch) are answered, the rest inserted. */
async function writeTogether(rows: CheckinRow[]): Promise<CheckinWrite[]> {
  try {
    return await db().$transaction(async (tx) => {
      // raw, like the insert below: a hall's burst runs this once per batch, and Prisma compiles each model query anew
      const bySession = [...groupBySession(rows)].map(
        ([sessionId, userIds]) => Prisma.sql`("sessionId" = ${sessionId} AND "userId" IN (${Prisma.join(userIds)}))`,
      );
      const existing = await tx.$queryRaw<{ sessionId: number | bigint; userId: number | bigint; status: string; clientKey: string | null }[]>`
        SELECT "sessionId", "userId", "status", "clientKey" FROM "Attendance" WHERE ${Prisma.join(bySession, " OR ")}`;
      const recorded = new Map(existing.map((a) => [keyOf(a), { status: a.status, clientKey: a.clientKey }]));
      const fresh: CheckinRow[] = [];
      const writes = rows.map((row): CheckinWrite => {
        const found = recorded.get(keyOf(row));
        if (found !== undefined) return { written: false, ...found };
        recorded.set(keyOf(row), { status: row.status, clientKey: row.clientKey ?? null });
        fresh.push(row);
        return { written: true };
      });
      await insertRows(
        tx,
        "Attendance",
        ["sessionId", "userId", "status", "source", "markedById", "markedAt", "clientKey"],
        fresh.map((r) => [r.sessionId, r.userId, r.status, "CHECKIN", r.userId, r.markedAt, r.clientKey ?? null]),
      );
      return writes;
    });
  } catch (error) {
    // a trainer's mark written between our read and insert cannot happen (one connection, one
    // transaction at a time), but if a row still collides, the single-row path answers "already"
    if (rows.length === 1 && isUniqueViolation(error)) {
      const existing = await db().attendance.findUnique({
        where: { sessionId_userId: { sessionId: rows[0].sessionId, userId: rows[0].userId } },
        select: { status: true, clientKey: true },
      });
      return [{ written: false, status: existing?.status ?? "PRESENT", clientKey: existing?.clientKey ?? null }];
    }
    throw error;
  }
}

function groupBySession(rows: CheckinRow[]) {
  const bySession = new Map<number, number[]>();
  for (const r of rows) bySession.set(r.sessionId, [...(bySession.get(r.sessionId) ?? []), r.userId]);
  return bySession;
}

const keyOf = (a: { sessionId: number | bigint; userId: number | bigint }) => `${a.sessionId}:${a.userId}`;
