import { and, eq, lte, or, sql } from 'drizzle-orm';
import { db, type Db } from '@/db/client';
import { loginLimits } from '@/db/schema';
import { addressKey } from './address-key';

/**
 * Limits on failed password sign-ins, kept in the database so replicas share them.
 *
 * - Addresses are counted as `addressKey` says (IPv6 per /64).
 * - One address guessing one account is locked after `perPair` failures in the window.
 * - One address guessing across accounts is locked after `perAddress` failures.
 * - An account is never locked as a whole: that would let anyone lock anyone out. Once it has
 *   `slowDownAfter` failures from anywhere, every address that failed on it must wait before
 *   its next try, twice as long for each further failure (up to `maxDelayMs`). An address
 *   that has not failed on the account is always let through to the password check, so the
 *   owner still signs in during a spray.
 *
 * Windows are fixed, starting at the first failure. Times come from this process's clock,
 * passed in: clock skew between replicas is small next to a 15-minute window.
 */
export const LOGIN_LIMITS = {
  windowMs: 15 * 60_000,
  perPair: 5,
  perAddress: 30,
  slowDownAfter: 5,
  firstDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
};

const ANY = '';
// Neither part of a real pair may be ANY, or it would be counted as the account or address row.
const toAccount = (email: string) => email.trim().toLowerCase() || '(empty)';

/** How long an address that failed on an account waits, given the account's failures. */
export function slowDownMs(accountFailures: number): number {
  const excess = accountFailures - LOGIN_LIMITS.slowDownAfter;
  if (excess < 0) return 0;
  return Math.min(LOGIN_LIMITS.firstDelayMs * 2 ** Math.min(excess, 30), LOGIN_LIMITS.maxDelayMs);
}

/** Milliseconds until this address may try this account again, or 0 when it may try now. */
export async function loginRetryAfter(email: string, rawIp: string, now = new Date(), tx: Pick<Db, 'select'> = db()): Promise<number> {
  const account = toAccount(email);
  const ip = addressKey(rawIp);
  const rows = await tx
    .select()
    .from(loginLimits)
    .where(
      or(
        and(eq(loginLimits.account, account), or(eq(loginLimits.address, ip), eq(loginLimits.address, ANY))),
        and(eq(loginLimits.account, ANY), eq(loginLimits.address, ip)),
      ),
    );
  const t = now.getTime();
  const live = rows.filter((row) => t - row.windowStartedAt.getTime() < LOGIN_LIMITS.windowMs);
  const pair = live.find((row) => row.account === account && row.address === ip);
  const accountRow = live.find((row) => row.account === account && row.address === ANY);
  const addressRow = live.find((row) => row.account === ANY && row.address === ip);
  const windowEnd = (row: { windowStartedAt: Date }) => row.windowStartedAt.getTime() + LOGIN_LIMITS.windowMs - t;

  let wait = 0;
  if (pair && pair.failures >= LOGIN_LIMITS.perPair) wait = Math.max(wait, windowEnd(pair));
  if (addressRow && addressRow.failures >= LOGIN_LIMITS.perAddress) wait = Math.max(wait, windowEnd(addressRow));
  if (pair && accountRow) wait = Math.max(wait, pair.lastFailureAt.getTime() + slowDownMs(accountRow.failures) - t);
  return Math.max(0, wait);
}

const PRUNE_EVERY_MS = 60_000;
let lastPrune = 0;

/** Counts a failure against the pair, the account and the address. */
export async function recordLoginFailure(email: string, rawIp: string, now = new Date(), tx: Pick<Db, 'insert'> = db()): Promise<void> {
  const account = toAccount(email);
  const ip = addressKey(rawIp);
  const cutoff = new Date(now.getTime() - LOGIN_LIMITS.windowMs).toISOString();
  const isExpired = sql`${loginLimits.windowStartedAt} <= ${cutoff}::timestamptz`;
  const fresh = { failures: 1, windowStartedAt: now, lastFailureAt: now };
  await tx
    .insert(loginLimits)
    .values([
      { account, address: ip, ...fresh },
      { account, address: ANY, ...fresh },
      { account: ANY, address: ip, ...fresh },
    ])
    .onConflictDoUpdate({
      target: [loginLimits.account, loginLimits.address],
      set: {
        failures: sql`case when ${isExpired} then 1 else ${loginLimits.failures} + 1 end`,
        windowStartedAt: sql`case when ${isExpired} then excluded.window_started_at else ${loginLimits.windowStartedAt} end`,
        lastFailureAt: sql`excluded.last_failure_at`,
      },
    });
}

async function pruneNowAndThen(now: Date): Promise<void> {
  if (now.getTime() - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = now.getTime();
  await pruneLoginLimits(now);
}

// Advisory lock classes (first key) for login attempts: one per account, one per address.
const ACCOUNT_LOCK = 0x4c01;
const ADDRESS_LOCK = 0x4c02;

/**
 * Counts an attempt as a failure before its password is checked, unless the limits refuse it.
 * Returns 0 when it may go ahead (refund it with forgiveLoginAttempt if the password is right),
 * else the wait in ms. Check and count are one step under locks on the account and the address
 * (taken in that order, on every replica), so a burst of parallel guesses cannot all pass the
 * check before the first failure is counted.
 */
export async function reserveLoginAttempt(email: string, rawIp: string, now = new Date()): Promise<number> {
  const wait = await db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNT_LOCK}, hashtext(${toAccount(email)}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(${ADDRESS_LOCK}, hashtext(${addressKey(rawIp)}))`);
    const retryAfter = await loginRetryAfter(email, rawIp, now, tx);
    if (retryAfter === 0) await recordLoginFailure(email, rawIp, now, tx);
    return retryAfter;
  });
  if (wait === 0) await pruneNowAndThen(now);
  return wait;
}

/** The password was right after all: takes back the failure reserveLoginAttempt counted. */
export async function forgiveLoginAttempt(email: string, rawIp: string): Promise<void> {
  const account = toAccount(email);
  const ip = addressKey(rawIp);
  await clearPairFailures(email, rawIp);
  await db()
    .update(loginLimits)
    .set({ failures: sql`greatest(${loginLimits.failures} - 1, 0)` })
    .where(or(and(eq(loginLimits.account, account), eq(loginLimits.address, ANY)), and(eq(loginLimits.account, ANY), eq(loginLimits.address, ip))));
}

/** Deletes rows whose window ended: they no longer limit anything. */
export async function pruneLoginLimits(now = new Date()): Promise<void> {
  await db()
    .delete(loginLimits)
    .where(lte(loginLimits.windowStartedAt, new Date(now.getTime() - LOGIN_LIMITS.windowMs)));
}

/**
 * After a success from this address: its own earlier typos stop counting. The account's
 * count stays, so a spray running meanwhile stays slowed down.
 */
export async function clearPairFailures(email: string, ip: string): Promise<void> {
  await db()
    .delete(loginLimits)
    .where(and(eq(loginLimits.account, toAccount(email)), eq(loginLimits.address, addressKey(ip))));
}
