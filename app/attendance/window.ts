/**
 * When self check-in is open for a session, and whether an arrival counts as late.
 * `now` is always passed in, so tests can move the clock.
 */
export type SessionTimes = {
  startsAt: Date;
  endsAt: Date;
  graceBeforeMin: number;
  graceAfterMin: number;
  lateAfterMin: number;
  status: string;
};

export type CheckinState = "cancelled" | "notYet" | "open" | "closed";

const MIN = 60 * 1000;

export function checkinOpensAt(s: SessionTimes): Date {
  return new Date(s.startsAt.getTime() - s.graceBeforeMin * MIN);
}

export function checkinClosesAt(s: SessionTimes): Date {
  return new Date(s.endsAt.getTime() + s.graceAfterMin * MIN);
}

export function checkinState(s: SessionTimes, now: Date): CheckinState {
  if (s.status === "CANCELLED") return "cancelled";
  if (now < checkinOpensAt(s)) return "notYet";
  if (now > checkinClosesAt(s)) return "closed";
  return "open";
}

/** Present up to `lateAfterMin` minutes after the start, late afterwards. */
export function arrivalStatus(s: Pick<SessionTimes, "startsAt" | "lateAfterMin">, now: Date): "PRESENT" | "LATE" {
  return now.getTime() > s.startsAt.getTime() + s.lateAfterMin * MIN ? "LATE" : "PRESENT";
}
