/**
 * The quiz's live countdown: what it shows each second and the few moments a screen reader is
 * told (announcing every second would drown the questions out).
 */
export const ANNOUNCE_AT_SECONDS = [600, 300, 60, 0] as const;

/** "mm:ss" (or "h:mm:ss") of the whole seconds left, never below zero. */
export function countdownText(secondsLeft: number): string {
  const s = Math.max(0, Math.floor(secondsLeft));
  const pad = (n: number) => String(n).padStart(2, "0");
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}

/** The threshold crossed going from `before` to `now` seconds left (the lowest one), or null. */
export function thresholdCrossed(before: number, now: number): number | null {
  const crossed = ANNOUNCE_AT_SECONDS.filter((at) => before > at && now <= at);
  return crossed.length ? Math.min(...crossed) : null;
}
