import { beforeEach, describe, expect, it } from 'vitest';
import { clearAccountFailures, LOGIN_LIMITS, loginRetryAfter, recordLoginFailure, resetLoginLimits, trackedLoginKeys } from './login-rate-limit';

const T0 = 1_700_000_000_000;
const minute = 60_000;

beforeEach(() => resetLoginLimits());

describe('login rate limit', () => {
  it('locks an account after 5 failures in the window, whatever the case of the e-mail', () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount - 1; i++) recordLoginFailure('Ada@Example.test', `10.0.0.${i}`, T0 + i);
    expect(loginRetryAfter('ada@example.test', '10.9.9.9', T0 + 10)).toBe(0);
    recordLoginFailure(' ADA@example.test ', '10.0.0.99', T0 + 10);
    const wait = loginRetryAfter('ada@example.test', '10.9.9.9', T0 + 20);
    expect(wait).toBeGreaterThan(14 * minute);
    expect(wait).toBeLessThanOrEqual(LOGIN_LIMITS.windowMs);
    // Other accounts are not affected.
    expect(loginRetryAfter('grace@example.test', '10.9.9.9', T0 + 20)).toBe(0);
  });

  it('unlocks when the oldest counted failure leaves the window', () => {
    for (let i = 0; i < 5; i++) recordLoginFailure('ada@example.test', '10.0.0.1', T0 + i * minute);
    expect(loginRetryAfter('ada@example.test', '10.0.0.2', T0 + 5 * minute)).toBe(10 * minute);
    expect(loginRetryAfter('ada@example.test', '10.0.0.2', T0 + LOGIN_LIMITS.windowMs - 1)).toBe(1);
    expect(loginRetryAfter('ada@example.test', '10.0.0.2', T0 + LOGIN_LIMITS.windowMs)).toBe(0);
  });

  it('a successful sign-in clears the account counter', () => {
    for (let i = 0; i < 4; i++) recordLoginFailure('ada@example.test', '10.0.0.1', T0 + i);
    clearAccountFailures('ADA@example.test');
    recordLoginFailure('ada@example.test', '10.0.0.1', T0 + 10);
    expect(loginRetryAfter('ada@example.test', '10.0.0.2', T0 + 11)).toBe(0);
  });

  it('limits one client IP guessing across many accounts', () => {
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) recordLoginFailure(`user${i}@example.test`, '203.0.113.7', T0 + i);
    expect(loginRetryAfter('someone-new@example.test', '203.0.113.7', T0 + 100)).toBeGreaterThan(0);
    expect(loginRetryAfter('someone-new@example.test', '203.0.113.8', T0 + 100)).toBe(0);
    // Clearing one account does not lift the IP limit.
    clearAccountFailures('user0@example.test');
    expect(loginRetryAfter('someone-new@example.test', '203.0.113.7', T0 + 100)).toBeGreaterThan(0);
  });

  it('forgets accounts and addresses whose window ran out, even if they never come back', () => {
    for (let i = 0; i < 1000; i++) recordLoginFailure(`spray${i}@example.test`, `198.51.100.${i % 250}`, T0 + i);
    expect(trackedLoginKeys()).toBe(1250);
    recordLoginFailure('late@example.test', '192.0.2.1', T0 + 1000 + LOGIN_LIMITS.windowMs);
    expect(trackedLoginKeys()).toBe(2);
  });
});
