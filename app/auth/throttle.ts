/**
 * Login throttling: 5 failures for one login within 15 minutes lock that login. One IP gets
 * more room (50): a training hall of 200+ people shares one address behind its Wi-Fi, and
 * five typos there must not lock the whole class out (docs/decisions/0006-login-throttling.md).
 */
export const THROTTLE_LIMIT = 5;
export const IP_THROTTLE_LIMIT = 50;
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
