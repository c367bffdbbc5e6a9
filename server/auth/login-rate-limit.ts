/**
 * Sliding-window counters of failed logins, per account and per client IP. A success clears
 * the account's counter. Kept in process memory: with several replicas each enforces its own
 * window, which still bounds guessing per replica. Windows that ran out are swept once per
 * window length, so failures spread over many addresses cannot grow the map for ever.
 */
export const LOGIN_LIMITS = {
  windowMs: 15 * 60_000,
  perAccount: 5,
  perIp: 30,
};

type Window = number[];
const globalForLimits = globalThis as unknown as { __portholeLoginFailures?: Map<string, Window> };
const failures: Map<string, Window> = (globalForLimits.__portholeLoginFailures ??= new Map<string, Window>());

function recent(key: string, now: number): Window {
  const kept = (failures.get(key) ?? []).filter((t) => now - t < LOGIN_LIMITS.windowMs);
  if (kept.length > 0) failures.set(key, kept);
  else failures.delete(key);
  return kept;
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

/** Milliseconds until a login may be tried again, or 0 when it may be tried now. */
export function loginRetryAfter(email: string, ip: string, now = Date.now()): number {
  let wait = 0;
  for (const [key, limit] of [
    [accountKey(email), LOGIN_LIMITS.perAccount],
    [ipKey(ip), LOGIN_LIMITS.perIp],
  ] as const) {
    const window = recent(key, now);
    if (window.length >= limit) {
      const oldest = window[window.length - limit] ?? now;
      wait = Math.max(wait, oldest + LOGIN_LIMITS.windowMs - now);
    }
  }
  return wait;
}

const MAX_KEPT = Math.max(LOGIN_LIMITS.perAccount, LOGIN_LIMITS.perIp);
let lastSweep = 0;

export function recordLoginFailure(email: string, ip: string, now = Date.now()): void {
  sweep(now);
  // Only the latest `limit` failures decide a wait: older ones need not be kept.
  for (const key of [accountKey(email), ipKey(ip)]) failures.set(key, [...recent(key, now), now].slice(-MAX_KEPT));
}

function sweep(now: number): void {
  if (now - lastSweep < LOGIN_LIMITS.windowMs) return;
  lastSweep = now;
  for (const key of [...failures.keys()]) recent(key, now);
}

/** How many accounts and addresses have failures on record (for tests). */
export function trackedLoginKeys(): number {
  return failures.size;
}

export function clearAccountFailures(email: string): void {
  failures.delete(accountKey(email));
}

export function resetLoginLimits(): void {
  failures.clear();
  lastSweep = 0;
}
