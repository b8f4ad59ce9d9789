import { Prisma } from "../../generated/prisma/client";
import { db } from "~/db/db.server";
import { foldForSearch } from "~/i18n/fold";
import { newSecret, verifyCode } from "./checkin-code";
import { type QueuedClaim, typedMoment } from "./queued-checkin";
import { writeCheckin } from "./checkin-writes.server";
import { sessionState, takenSessionIds } from "./report";
import type { AttendanceStatus } from "./statuses";
import { arrivalStatus, checkinState } from "./window";

/** Class sessions, marking and self check-in: persistence. */

export type SessionInput = {
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  trainerId: number | null;
  rotateSeconds: number;
  graceBeforeMin: number;
  graceAfterMin: number;
  lateAfterMin: number;
};

export type SessionWrite = { ok: true; id: number } | { ok: false; error: "trainerInvalid" };

/** A session's trainer teaches the class (or the session has none). */
async function trainerTeaches(courseId: number, trainerId: number | null) {
  return trainerId === null || (await db().courseTrainer.count({ where: { courseId, userId: trainerId } })) > 0;
}

export async function createClassSession(courseId: number, input: SessionInput): Promise<SessionWrite> {
  if (!(await trainerTeaches(courseId, input.trainerId))) return { ok: false, error: "trainerInvalid" };
  const { id } = await db().classSession.create({ data: { ...input, courseId, checkinSecret: newSecret() }, select: { id: true } });
  return { ok: true, id };
}

export async function updateClassSession(courseId: number, id: number, input: SessionInput): Promise<SessionWrite> {
  if (!(await trainerTeaches(courseId, input.trainerId))) return { ok: false, error: "trainerInvalid" };
  await db().classSession.updateMany({ where: { id, courseId }, data: input });
  return { ok: true, id };
}

export function setSessionStatus(courseId: number, id: number, status: "SCHEDULED" | "CANCELLED") {
  return db().classSession.updateMany({ where: { id, courseId }, data: { status } });
}

/** Sessions of a course with per-status counts and whether each was taken (two queries). */
export async function sessionsWithCounts(courseId: number, now = new Date()) {
  const [sessions, counts] = await Promise.all([
    db().classSession.findMany({
      where: { courseId },
      orderBy: { startsAt: "asc" },
      select: { id: true, title: true, startsAt: true, endsAt: true, place: true, status: true, trainer: { select: { fullName: true } } },
    }),
    db().attendance.groupBy({ by: ["sessionId", "status"], where: { session: { courseId } }, _count: { _all: true } }),
  ]);
  const taken = takenSessionIds(counts);
  return sessions.map((s) => {
    const c: Record<string, number> = { PRESENT: 0, LATE: 0, EXCUSED: 0, ABSENT: 0 };
    for (const row of counts) if (row.sessionId === s.id) c[row.status] = row._count._all;
    return { ...s, counts: c, state: sessionState(s, taken, now) };
  });
}

export function courseTrainers(courseId: number) {
  return db().user.findMany({ where: { teaching: { some: { courseId } } }, select: { id: true, fullName: true }, orderBy: { fullName: "asc" } });
}

/** How many learners the class has (the projector's "n of total"). */
export function rosterSize(courseId: number) {
  return db().enrolment.count({ where: { courseId } });
}

/** The roster of a course with unit names, as one flat list. */
export async function rosterOf(courseId: number) {
  const rows = await db().enrolment.findMany({
    where: { courseId },
    select: {
      createdAt: true,
      user: { select: { id: true, fullName: true, phone: true, email: true, searchName: true, unit: { select: { id: true, name: true } } } },
    },
  });
  return rows.map(({ createdAt, user: u }) => ({
    id: u.id,
    fullName: u.fullName,
    phone: u.phone,
    email: u.email,
    search: u.searchName || foldForSearch(u.fullName),
    unitId: u.unit?.id ?? null,
    unitName: u.unit?.name ?? "",
    enrolledAt: createdAt,
  }));
}

export function marksOf(sessionId: number) {
  return db().attendance.findMany({
    where: { sessionId },
    select: { userId: true, status: true, note: true, source: true, markedAt: true, markedBy: { select: { fullName: true } } },
  });
}

export type MarkChange = { userId: number; status: AttendanceStatus; note: string };

/**
 * Writes the changed marks of one session in one transaction, recording who marked and when.
 * Only rows whose status or note differ from the stored ones are written.
 */
export async function saveMarks(
  sessionId: number,
  markerId: number,
  changes: readonly MarkChange[],
  now = new Date(),
  loadedAt: Date | null = null,
): Promise<{ written: number; overwritten: number }> {
  return db().$transaction(async (tx) => {
    const current = await tx.attendance.findMany({
      where: { sessionId, userId: { in: changes.map((c) => c.userId) } },
      select: { userId: true, status: true, note: true, markedById: true, markedAt: true },
    });
    // Rows someone else marked after this form was loaded: saved over, but the trainer is told.
    let overwritten = 0;
    const byUser = new Map(current.map((c) => [c.userId, c]));
    let written = 0;
    const fresh: MarkChange[] = [];
    for (const c of changes) {
      const prev = byUser.get(c.userId);
      if (!prev) {
        fresh.push(c);
        continue;
      }
      if (prev.status === c.status && prev.note === c.note) continue;
      if (loadedAt && prev.markedById !== markerId && prev.markedAt > loadedAt) overwritten++;
      await tx.attendance.update({
        where: { sessionId_userId: { sessionId, userId: c.userId } },
        data: { status: c.status, note: c.note, source: "MANUAL", markedById: markerId, markedAt: now },
      });
      written++;
    }
    if (fresh.length) {
      await tx.attendance.createMany({
        data: fresh.map((c) => ({ sessionId, userId: c.userId, status: c.status, note: c.note, source: "MANUAL", markedById: markerId, markedAt: now })),
      });
      written += fresh.length;
    }
    return { written, overwritten };
  });
}

/** Of the listed learners, those without a saved mark in the session. */
export async function unmarkedAmong(sessionId: number, userIds: readonly number[]): Promise<number[]> {
  const marked = await db().attendance.findMany({ where: { sessionId, userId: { in: [...userIds] } }, select: { userId: true } });
  const done = new Set(marked.map((m) => m.userId));
  return userIds.filter((id) => !done.has(id));
}

/**
 * "Mark the rest": every listed learner without a saved mark gets `status` (with the note typed
 * for them, if any); a saved mark is never touched (one transaction). Returns how many were marked.
 */
export async function markRest(
  sessionId: number,
  rest: readonly { userId: number; note: string }[],
  status: "PRESENT" | "ABSENT",
  markerId: number,
  now = new Date(),
): Promise<number> {
  return db().$transaction(async (tx) => {
    const marked = await tx.attendance.findMany({ where: { sessionId, userId: { in: rest.map((r) => r.userId) } }, select: { userId: true } });
    const done = new Set(marked.map((m) => m.userId));
    const todo = rest.filter((r) => !done.has(r.userId));
    if (todo.length)
      await tx.attendance.createMany({
        data: todo.map((r) => ({ sessionId, userId: r.userId, status, note: r.note, source: "MANUAL", markedById: markerId, markedAt: now })),
      });
    return todo.length;
  });
}

export function checkedInCount(sessionId: number) {
  return db().attendance.count({ where: { sessionId, status: { in: ["PRESENT", "LATE"] } } });
}

export type CheckinOutcome =
  | { ok: true; status: "PRESENT" | "LATE"; sessionId: number; title: string; startsAt: Date; endsAt: Date }
  | { ok: false; reason: "wrongCode" | "notEnrolled" | "closed" | "badMoment" | "tooOld" }
  | { ok: false; reason: "already"; status: string };

const DAY = 24 * 3600 * 1000;

/** A check-in that waited on the phone (docs/decisions/0046): when it was typed, and its idempotency key. */
export type QueuedCheckin = QueuedClaim & { key: string; maxDelayMin: number };

const sessionTimes = {
  id: true,
  title: true,
  startsAt: true,
  endsAt: true,
  status: true,
  graceBeforeMin: true,
  graceAfterMin: true,
  lateAfterMin: true,
} as const;

/**
 * Self check-in with a typed or scanned code. With `sessionId` (from the QR link) only that
 * session is tried; otherwise the sessions of the learner's courses that are open now.
 * A burst is written in batches (checkin-writes.server.ts); a double submit writes one row.
 * A queued check-in is judged at the moment it was typed (code, window, present or late), and its
 * key makes a replay answer what the first send was answered.
 */
export async function checkIn(
  userId: number,
  code: string,
  sessionId: number | null,
  arrival = new Date(),
  queued: QueuedCheckin | null = null,
): Promise<CheckinOutcome> {
  if (queued) {
    const replay = await replayOf(userId, queued.key);
    if (replay) return replay;
  }
  const typed = queued ? typedMoment(queued, arrival, queued.maxDelayMin) : { ok: true as const, moment: arrival };
  if (!typed.ok) return { ok: false, reason: typed.reason };
  const now = typed.moment;
  const candidates = await checkinCandidates(userId, sessionId, now);
  const matching = candidates.filter((s) => verifyCode(s.checkinSecret, code, now, s.rotateSeconds));
  if (matching.length === 0) return { ok: false, reason: "wrongCode" };
  const session = matching.find((s) => checkinState(s, now) === "open") ?? matching[0];
  if (!session.enrolled) return { ok: false, reason: "notEnrolled" };
  // an archived class is read-only (app/access refuseIfArchived): its sessions take no more check-ins
  if (checkinState(session, now) !== "open" || session.archived) return { ok: false, reason: "closed" };
  const status = arrivalStatus(session, now);
  const write = await writeCheckin({ sessionId: session.id, userId, status, markedAt: now, clientKey: queued?.key ?? null });
  const sameKey = !write.written && queued !== null && write.clientKey === queued.key;
  if (!write.written && !sameKey) return { ok: false, reason: "already", status: write.status };
  return {
    ok: true,
    status: write.written ? status : (write.status as "PRESENT" | "LATE"),
    sessionId: session.id,
    title: session.title,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
  };
}

type CandidateRow = {
  id: number | bigint;
  title: string;
  startsAt: Date | string;
  endsAt: Date | string;
  status: string;
  graceBeforeMin: number | bigint;
  graceAfterMin: number | bigint;
  lateAfterMin: number | bigint;
  rotateSeconds: number | bigint;
  checkinSecret: string;
  courseStatus: string;
  enrolmentId: number | bigint | null;
};

/**
 * The sessions a typed code may belong to, with whether the learner is enrolled in each one's class: the
 * QR link's session, or the scheduled sessions within a day of `now` of the learner's classes. One raw
 * query (portable SQL): every learner of a hall sends this at the same minute, and Prisma compiles a
 * plan anew for each model query and relation (decision 0053).
 */
async function checkinCandidates(userId: number, sessionId: number | null, now: Date) {
  const which =
    sessionId !== null
      ? Prisma.sql`s."id" = ${sessionId}`
      : Prisma.sql`s."status" = 'SCHEDULED' AND s."startsAt" <= ${new Date(now.getTime() + DAY)} AND s."endsAt" >= ${new Date(now.getTime() - DAY)}
          AND e."id" IS NOT NULL`;
  const rows = await db().$queryRaw<CandidateRow[]>`
    SELECT s."id" AS "id", s."title" AS "title", s."startsAt" AS "startsAt", s."endsAt" AS "endsAt", s."status" AS "status",
      s."graceBeforeMin" AS "graceBeforeMin", s."graceAfterMin" AS "graceAfterMin", s."lateAfterMin" AS "lateAfterMin",
      s."rotateSeconds" AS "rotateSeconds", s."checkinSecret" AS "checkinSecret", c."status" AS "courseStatus", e."id" AS "enrolmentId"
    FROM "ClassSession" s
    JOIN "Course" c ON c."id" = s."courseId"
    LEFT JOIN "Enrolment" e ON e."courseId" = s."courseId" AND e."userId" = ${userId}
    WHERE ${which}
    LIMIT 50`;
  return rows.map((r) => ({
    id: Number(r.id),
    title: r.title,
    startsAt: new Date(r.startsAt),
    endsAt: new Date(r.endsAt),
    status: r.status,
    graceBeforeMin: Number(r.graceBeforeMin),
    graceAfterMin: Number(r.graceAfterMin),
    lateAfterMin: Number(r.lateAfterMin),
    rotateSeconds: Number(r.rotateSeconds),
    checkinSecret: r.checkinSecret,
    archived: r.courseStatus === "ARCHIVED",
    enrolled: r.enrolmentId !== null,
  }));
}

/** The check-in this key recorded already, answered as the first send was. */
async function replayOf(userId: number, key: string): Promise<CheckinOutcome | null> {
  const row = await db().attendance.findUnique({ where: { clientKey: key }, select: { userId: true, status: true, session: { select: sessionTimes } } });
  if (!row || row.userId !== userId) return null;
  if (row.status !== "PRESENT" && row.status !== "LATE") return { ok: false, reason: "already", status: row.status };
  const { session } = row;
  return { ok: true, status: row.status, sessionId: session.id, title: session.title, startsAt: session.startsAt, endsAt: session.endsAt };
}
