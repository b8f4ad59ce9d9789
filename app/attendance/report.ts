import { type AttendanceStatus, STATUSES, attended } from "./statuses";

/**
 * Attendance figures from plain rows: per session counts, per learner rate, the class grid and
 * the learners below a threshold.
 *
 * A session counts only once it was taken: not cancelled, started, and someone has a mark in it
 * (the trainer marked, or a learner checked in). A past session nobody marked is "not taken" and
 * shown as such, never charged as an absence. It counts for a learner only if they were enrolled
 * by its end (or were marked in it anyway), so people added later are not charged for it.
 */
export type ReportSession = { id: number; startsAt: Date; endsAt: Date; status: string; title: string };
export type ReportLearner = { id: number; fullName: string; unitName: string; phone: string | null; enrolledAt: Date };
export type Mark = { sessionId: number; userId: number; status: string };

export type SessionState = "cancelled" | "upcoming" | "notTaken" | "taken";

export function sessionState(s: Pick<ReportSession, "id" | "startsAt" | "status">, takenIds: ReadonlySet<number>, now: Date): SessionState {
  if (s.status === "CANCELLED") return "cancelled";
  if (s.startsAt > now) return "upcoming";
  return takenIds.has(s.id) ? "taken" : "notTaken";
}

/** Sessions with at least one mark. */
export function takenSessionIds(marks: readonly Pick<Mark, "sessionId">[]): Set<number> {
  return new Set(marks.map((m) => m.sessionId));
}

/** The sessions that count: taken (see above). */
export function heldSessions<S extends ReportSession>(sessions: readonly S[], marks: readonly Mark[], now: Date): S[] {
  const taken = takenSessionIds(marks);
  return sessions.filter((s) => sessionState(s, taken, now) === "taken");
}

/** Whether a session is part of a learner's record: enrolled by its end, or marked in it anyway. */
export function countsFor(session: Pick<ReportSession, "endsAt">, learner: Pick<ReportLearner, "enrolledAt">, marked: boolean): boolean {
  return marked || learner.enrolledAt <= session.endsAt;
}

const markKey = (sessionId: number, userId: number) => `${sessionId}:${userId}`;

export type SessionCounts = { sessionId: number; size: number } & Record<AttendanceStatus | "UNMARKED", number>;

/** Per session: the class size then (learners it counts for) and how many of them have each status. */
export function countsBySession(sessions: readonly ReportSession[], learners: readonly ReportLearner[], marks: readonly Mark[]): SessionCounts[] {
  const byKey = new Map(marks.map((m) => [markKey(m.sessionId, m.userId), m.status]));
  return sessions.map((s) => {
    const c = { sessionId: s.id, size: 0, PRESENT: 0, LATE: 0, EXCUSED: 0, ABSENT: 0, UNMARKED: 0 };
    for (const l of learners) {
      const status = byKey.get(markKey(s.id, l.id));
      if (!countsFor(s, l, status !== undefined)) continue;
      c.size++;
      if (status !== undefined && (STATUSES as readonly string[]).includes(status)) c[status as AttendanceStatus]++;
      else c.UNMARKED++;
    }
    return c;
  });
}

export type Tally = { attended: number; excused: number; held: number; rate: number };
export type LearnerRate = ReportLearner & Tally;

/** Rate = sessions attended (present or late) / sessions held for this learner, in percent with one decimal. */
export function learnerRates<L extends Pick<ReportLearner, "id" | "enrolledAt">>(
  held: readonly Pick<ReportSession, "id" | "endsAt">[],
  learners: readonly L[],
  marks: readonly Mark[],
): (L & Tally)[] {
  const byKey = new Map(marks.map((m) => [markKey(m.sessionId, m.userId), m.status]));
  return learners.map((l) => {
    let attendedCount = 0;
    let excused = 0;
    let heldCount = 0;
    for (const s of held) {
      const status = byKey.get(markKey(s.id, l.id));
      if (!countsFor(s, l, status !== undefined)) continue;
      heldCount++;
      if (attended(status)) attendedCount++;
      else if (status === "EXCUSED") excused++;
    }
    return { ...l, attended: attendedCount, excused, held: heldCount, rate: attendanceRate(attendedCount, heldCount) };
  });
}

export function attendanceRate(attendedCount: number, held: number): number {
  return held === 0 ? 0 : Math.round((attendedCount / held) * 1000) / 10;
}

export function belowRate(rates: readonly LearnerRate[], thresholdPercent: number): LearnerRate[] {
  return rates.filter((r) => r.held > 0 && r.rate < thresholdPercent).sort((a, b) => a.rate - b.rate || a.fullName.localeCompare(b.fullName, "vi"));
}

/** learners × sessions: the status of each cell, or null when unmarked. */
export function grid(sessions: readonly ReportSession[], learners: readonly ReportLearner[], marks: readonly Mark[]) {
  const key = (s: number, u: number) => `${s}:${u}`;
  const byKey = new Map(marks.map((m) => [key(m.sessionId, m.userId), m.status]));
  return learners.map((l) => ({ learner: l, cells: sessions.map((s) => (byKey.get(key(s.id, l.id)) ?? null) as AttendanceStatus | null) }));
}

/** Sorting of a class list: by unit, then by given name the Vietnamese way (last word first). */
export function byUnitThenName<T extends { unitName: string; fullName: string }>(a: T, b: T): number {
  const given = (n: string) => {
    const parts = n.trim().split(/\s+/);
    return `${parts[parts.length - 1]} ${n}`;
  };
  return a.unitName.localeCompare(b.unitName, "vi") || given(a.fullName).localeCompare(given(b.fullName), "vi");
}
