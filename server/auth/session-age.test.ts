import { describe, expect, it } from 'vitest';
import { checkSessionAge } from './session-age';

const limits = { maxAgeSeconds: 8 * 3600, idleSeconds: 3600 };
const signedInAt = 1_800_000_000;

describe('checkSessionAge', () => {
  it('keeps an active session until the absolute limit, however recently it was refreshed', () => {
    const justActive = (now: number) => checkSessionAge({ signedInAt, refreshedAt: now - 60 }, limits, now);
    expect(justActive(signedInAt + 60)).toEqual({ isValid: true });
    expect(justActive(signedInAt + 8 * 3600 - 1)).toEqual({ isValid: true });
    expect(justActive(signedInAt + 8 * 3600)).toEqual({ isValid: false, reason: 'expired' });
    expect(justActive(signedInAt + 30 * 24 * 3600)).toEqual({ isValid: false, reason: 'expired' });
  });

  it('ends a session left idle for the idle limit, counted from the last refresh', () => {
    const refreshedAt = signedInAt + 2 * 3600;
    expect(checkSessionAge({ signedInAt, refreshedAt }, limits, refreshedAt + 3599)).toEqual({ isValid: true });
    expect(checkSessionAge({ signedInAt, refreshedAt }, limits, refreshedAt + 3600)).toEqual({ isValid: false, reason: 'idle' });
  });

  it('fails closed on a token without its times', () => {
    expect(checkSessionAge({ refreshedAt: signedInAt }, limits, signedInAt + 1)).toEqual({ isValid: false, reason: 'missing_sign_in_time' });
    expect(checkSessionAge({ signedInAt }, limits, signedInAt + 1)).toEqual({ isValid: false, reason: 'missing_sign_in_time' });
    expect(checkSessionAge({ signedInAt: Number.NaN, refreshedAt: signedInAt }, limits, signedInAt + 1)).toEqual({
      isValid: false,
      reason: 'missing_sign_in_time',
    });
    expect(checkSessionAge({ signedInAt: '1800000000' as unknown as number, refreshedAt: signedInAt }, limits, signedInAt + 1)).toEqual({
      isValid: false,
      reason: 'missing_sign_in_time',
    });
  });
});
