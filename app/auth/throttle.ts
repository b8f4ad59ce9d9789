/** Login throttling: 5 failures for one login or one IP within 15 minutes lock further tries. */
export const THROTTLE_LIMIT = 5;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Given the failure times of one key, the moment tries are allowed again, or null when they
 * are allowed now. The lock lifts when the oldest of the last `limit` failures leaves the window.
 */
export function blockedUntil(
  failures: readonly Date[],
  now: Date,
  limit = THROTTLE_LIMIT,
  windowMs = THROTTLE_WINDOW_MS,
): Date | null {
  const recent = failures
    .map((d) => d.getTime())
    .filter((t) => t > now.getTime() - windowMs && t <= now.getTime())
    .sort((a, b) => b - a);
  if (recent.length < limit) return null;
  return new Date(recent[limit - 1] + windowMs);
}
