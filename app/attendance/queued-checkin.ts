/**
 * When a check-in queued on the phone counts (docs/decisions/0046). The phone sends the moment the
 * code was typed and the moment it sent the request, both on its own clock; their difference is the
 * delay, measured on one clock, so a phone whose clock is wrong by minutes is judged right. The
 * typed moment on the server's clock is then the arrival minus that delay. Pure: `arrival` is passed in.
 */
export const DEFAULT_MAX_DELAY_MIN = 120;

export type QueuedClaim = { typedAt: Date; sentAt: Date };
export type TypedMoment = { ok: true; moment: Date } | { ok: false; reason: "badMoment" | "tooOld" };

export function typedMoment(claim: QueuedClaim, arrival: Date, maxDelayMin: number): TypedMoment {
  const delay = claim.sentAt.getTime() - claim.typedAt.getTime();
  if (!Number.isFinite(delay) || delay < 0) return { ok: false, reason: "badMoment" };
  if (delay > maxDelayMin * 60_000) return { ok: false, reason: "tooOld" };
  return { ok: true, moment: new Date(arrival.getTime() - delay) };
}
