import { type AttendanceStatus, STATUSES, attended } from "./statuses";

/**
 * Attendance figures from plain rows: per session counts, per learner rate, the class grid and
 * the learners below a threshold. Only sessions held (not cancelled, already started) count.
 */
export type ReportSession = { id: number; startsAt: Date; status: string; title: string };
export type ReportLearner = { id: number; fullName: string; unitName: string; phone: string | null };
export type Mark = { sessionId: number; userId: number; status: string };

export type SessionCounts = { sessionId: number } & Record<AttendanceStatus | "UNMARKED", number>;

export function heldSessions<S extends ReportSession>(sessions: readonly S[], now: Date): S[] {
  return sessions.filter((s) => s.status !== "CANCELLED" && s.startsAt <= now);
}

export function countsBySession(sessions: readonly ReportSession[], learners: readonly ReportLearner[], marks: readonly Mark[]): SessionCounts[] {
  const enrolled = new Set(learners.map((l) => l.id));
  return sessions.map((s) => {
    const c = { sessionId: s.id, PRESENT: 0, LATE: 0, EXCUSED: 0, ABSENT: 0, UNMARKED: 0 };
    let marked = 0;
    for (const m of marks) {
      if (m.sessionId !== s.id || !enrolled.has(m.userId)) continue;
      if ((STATUSES as readonly string[]).includes(m.status)) {
        c[m.status as AttendanceStatus]++;
        marked++;
      }
    }
    c.UNMARKED = learners.length - marked;
    return c;
  });
}

export type LearnerRate = ReportLearner & { attended: number; excused: number; held: number; rate: number };

/** Rate = sessions attended (present or late) / sessions held, in percent with one decimal. */
export function learnerRates(held: readonly ReportSession[], learners: readonly ReportLearner[], marks: readonly Mark[]): LearnerRate[] {
  const heldIds = new Set(held.map((s) => s.id));
  const per = new Map<number, { attended: number; excused: number }>();
  for (const m of marks) {
    if (!heldIds.has(m.sessionId)) continue;
    const p = per.get(m.userId) ?? { attended: 0, excused: 0 };
    if (attended(m.status)) p.attended++;
    else if (m.status === "EXCUSED") p.excused++;
    per.set(m.userId, p);
  }
  return learners.map((l) => {
    const p = per.get(l.id) ?? { attended: 0, excused: 0 };
    const rate = held.length === 0 ? 0 : Math.round((p.attended / held.length) * 1000) / 10;
    return { ...l, attended: p.attended, excused: p.excused, held: held.length, rate };
  });
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
