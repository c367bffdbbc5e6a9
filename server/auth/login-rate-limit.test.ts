import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { db, openDb, setDb, type DbHandle } from '@/db/client';
import { loginLimits } from '@/db/schema';
import { describeEachDriver } from '@/test/db-drivers';
import { createDatabase } from '@/test/harness/postgres';
import { clearPairFailures, LOGIN_LIMITS, loginRetryAfter, pruneLoginLimits, recordLoginFailure, slowDownMs } from './login-rate-limit';

const T0 = new Date('2026-01-01T12:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const minute = 60_000;

describeEachDriver('login limits', () => {
  it('locks one address on one account after 5 failures, whatever the case of the e-mail; other addresses still get through', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perPair - 1; i++) await recordLoginFailure('Ada@Example.test', '10.0.0.1', at(i));
    expect(await loginRetryAfter('ada@example.test', '10.0.0.1', at(10))).toBe(0);
    await recordLoginFailure(' ADA@example.test ', '10.0.0.1', at(10));
    const wait = await loginRetryAfter('ada@example.test', '10.0.0.1', at(20));
    expect(wait).toBeGreaterThan(14 * minute);
    expect(wait).toBeLessThanOrEqual(LOGIN_LIMITS.windowMs);
    // Another address is not locked out of the account, nor is the address out of others.
    expect(await loginRetryAfter('ada@example.test', '10.9.9.9', at(20))).toBe(0);
    expect(await loginRetryAfter('grace@example.test', '10.0.0.1', at(20))).toBe(0);
  });

  it('unlocks the pair when its window ends', async () => {
    for (let i = 0; i < 5; i++) await recordLoginFailure('ada@example.test', '10.0.0.1', at(i * minute));
    expect(await loginRetryAfter('ada@example.test', '10.0.0.1', at(5 * minute))).toBe(10 * minute);
    expect(await loginRetryAfter('ada@example.test', '10.0.0.1', at(LOGIN_LIMITS.windowMs - 1))).toBe(1);
    expect(await loginRetryAfter('ada@example.test', '10.0.0.1', at(LOGIN_LIMITS.windowMs))).toBe(0);
    // A failure after the window starts a new count.
    await recordLoginFailure('ada@example.test', '10.0.0.1', at(LOGIN_LIMITS.windowMs + 1));
    expect(await loginRetryAfter('ada@example.test', '10.0.0.1', at(LOGIN_LIMITS.windowMs + 2))).toBe(0);
  });

  it('slows an account sprayed from many addresses, more with every failure, but never holds back a fresh address', async () => {
    for (let i = 0; i < 12; i++) await recordLoginFailure('ada@example.test', `198.51.100.${i}`, at(i));
    // 12 failures: each address that failed waits 2^(12-5) s after its failure before trying again.
    expect(slowDownMs(12)).toBe(128_000);
    expect(await loginRetryAfter('ada@example.test', '198.51.100.11', at(12))).toBe(128_000 - 1);
    expect(await loginRetryAfter('ada@example.test', '198.51.100.0', at(128_000))).toBe(0);
    await recordLoginFailure('ada@example.test', '198.51.100.12', at(13));
    expect(await loginRetryAfter('ada@example.test', '198.51.100.12', at(13))).toBe(256_000);
    expect(slowDownMs(1_000)).toBe(LOGIN_LIMITS.maxDelayMs);
    expect(await loginRetryAfter('ada@example.test', '203.0.113.50', at(14))).toBe(0);
  });

  it('limits one address guessing across many accounts', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) await recordLoginFailure(`user${i}@example.test`, '203.0.113.7', at(i));
    expect(await loginRetryAfter('someone-new@example.test', '203.0.113.7', at(100))).toBeGreaterThan(0);
    expect(await loginRetryAfter('someone-new@example.test', '203.0.113.8', at(100))).toBe(0);
    // A success on one account does not lift the address limit.
    await clearPairFailures('user0@example.test', '203.0.113.7');
    expect(await loginRetryAfter('someone-new@example.test', '203.0.113.7', at(100))).toBeGreaterThan(0);
  });

  it('counts an IPv6 client per /64: rotating addresses inside it does not step around the limits', async () => {
    for (let i = 1; i <= LOGIN_LIMITS.perPair; i++) await recordLoginFailure('ada@example.test', `2001:db8:7:1::${i.toString(16)}`, at(i));
    expect(await loginRetryAfter('ada@example.test', '2001:db8:7:1:ffff::99', at(10))).toBeGreaterThan(14 * minute);
    // Another /64 is another client.
    expect(await loginRetryAfter('ada@example.test', '2001:db8:7:2::1', at(10))).toBe(0);
  });

  it('a success clears only its own pair: the account stays slowed for the other addresses', async () => {
    for (let i = 0; i < 6; i++) await recordLoginFailure('ada@example.test', `198.51.100.${i}`, at(i));
    await clearPairFailures('ADA@example.test', '198.51.100.5');
    expect(await loginRetryAfter('ada@example.test', '198.51.100.5', at(10))).toBe(0);
    expect(await loginRetryAfter('ada@example.test', '198.51.100.4', at(10))).toBeGreaterThan(0);
  });

  it('prunes rows whose window ended, even for accounts and addresses that never come back', async () => {
    for (let i = 0; i < 20; i++) await recordLoginFailure(`spray${i}@example.test`, `198.51.100.${i}`, at(i));
    expect(await db().$count(loginLimits)).toBe(60);
    await recordLoginFailure('late@example.test', '192.0.2.1', at(LOGIN_LIMITS.windowMs + 100));
    await pruneLoginLimits(at(LOGIN_LIMITS.windowMs + 100));
    expect(await db().$count(loginLimits)).toBe(3);
  });
});

// Two replicas are two processes with their own connection pools on one PostgreSQL database:
// nothing about the limits may live in one process's memory.
describe('login limits across replicas [postgres]', () => {
  const handles: DbHandle[] = [];
  afterAll(async () => {
    setDb(undefined);
    for (const handle of handles) await handle.close();
  });

  it('failures counted by one replica lock the pair on the other', async () => {
    const url = await createDatabase(inject('postgresUrl'), `limits_${randomBytes(5).toString('hex')}`);
    const [one, two] = [await openDb({ driver: 'postgres', url }), await openDb({ driver: 'postgres', url })];
    handles.push(one, two);
    for (let i = 0; i < LOGIN_LIMITS.perPair; i++) {
      setDb(i % 2 === 0 ? one : two);
      await recordLoginFailure('ada@example.test', '10.0.0.1', at(i));
    }
    setDb(one);
    expect(await loginRetryAfter('ada@example.test', '10.0.0.1', at(10))).toBeGreaterThan(0);
    setDb(two);
    expect(await loginRetryAfter('ada@example.test', '10.0.0.1', at(10))).toBeGreaterThan(0);
  });
});
