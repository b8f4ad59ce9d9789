/**
 * Login throttling (docs/decisions/0006-login-throttling.md). Per account: 5 failures within
 * 15 minutes lock that login, whatever the password. Per address: a training hall of 200+ people
 * shares one address behind its Wi-Fi, so the address never locks out a correct password. Once an
 * address has 50 failures in the window it is "hot", and from a hot address each account gets one
 * failure, not five, before further tries of it from there wait: guessing from the address is
 * throttled while everyone who types their own password correctly still gets in.
 */
export const THROTTLE_LIMIT = 5;
export const IP_HOT_AFTER = 50;
export const HOT_IP_ACCOUNT_LIMIT = 1;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Given the failure times of one key, the moment tries are allowed again, or null when they
 * are allowed now. The lock lifts when the oldest of the last `limit` failures leaves the window.
 */
export function blockedUntil(failures: readonly Date[], now: Date, limit = THROTTLE_LIMIT, windowMs = THROTTLE_WINDOW_MS): Date | null {
  const recent = failures
    .map((d) => d.getTime())
    .filter((t) => t > now.getTime() - windowMs && t <= now.getTime())
    .sort((a, b) => b - a);
  if (recent.length < limit) return null;
  return new Date(recent[limit - 1] + windowMs);
}

const inWindow = (failures: readonly Date[], now: Date, windowMs = THROTTLE_WINDOW_MS) =>
  failures.filter((d) => d.getTime() > now.getTime() - windowMs && d.getTime() <= now.getTime()).length;

/**
 * When a login may be tried again, from the failures of the account, of the address, and of the
 * account from that address; null when it may be tried now. The address alone never locks.
 */
export function loginBlockedUntil(
  failures: { account: readonly Date[]; address: readonly Date[]; accountFromAddress: readonly Date[] },
  now: Date,
): Date | null {
  const account = blockedUntil(failures.account, now, THROTTLE_LIMIT);
  const hot = inWindow(failures.address, now) >= IP_HOT_AFTER;
  const pair = hot ? blockedUntil(failures.accountFromAddress, now, HOT_IP_ACCOUNT_LIMIT) : null;
  if (!account) return pair;
  if (!pair) return account;
  return account > pair ? account : pair;
}
