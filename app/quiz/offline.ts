/**
 * When a quiz submission that waited on the phone is judged (docs/decisions/0046). The phone sends
 * when the learner pressed "Nộp bài" and when it sent the request, both on its clock; their difference
 * is the delay. The submission is judged at the arrival minus that delay, but never earlier than the
 * offline allowance before the arrival, nor before the attempt started: the server's start time and
 * time limit decide, and a phone can claim at most `allowanceMin` minutes. Pure.
 */
export const DEFAULT_OFFLINE_ALLOWANCE_MIN = 30;
export const MAX_OFFLINE_ALLOWANCE_MIN = 120;

export type OfflineClaim = { answeredAt: Date; sentAt: Date };

export function judgedAt(startedAt: Date, claim: OfflineClaim | null, arrival: Date, allowanceMin: number): Date {
  if (!claim) return arrival;
  const delay = claim.sentAt.getTime() - claim.answeredAt.getTime();
  if (!Number.isFinite(delay) || delay <= 0) return arrival;
  const moment = arrival.getTime() - Math.min(delay, allowanceMin * 60_000);
  return new Date(Math.max(moment, startedAt.getTime()));
}
