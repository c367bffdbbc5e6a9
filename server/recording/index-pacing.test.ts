import { describe, expect, it } from 'vitest';
import { BUSY_BYTES_PER_SECOND, isBusy, LOOK_MS } from './index-pacing';

describe('isBusy', () => {
  const at = (atMs: number, relayedBytes: number) => ({ atMs, relayedBytes });

  it('is busy while sessions relay faster than the threshold, and quiet below it', () => {
    expect(isBusy(at(0, 0), at(1000, BUSY_BYTES_PER_SECOND * 2))).toBe(true);
    expect(isBusy(at(0, 0), at(1000, BUSY_BYTES_PER_SECOND / 2))).toBe(false);
    expect(isBusy(at(0, 5e6), at(200, 5e6))).toBe(false);
  });

  it('measures a short interval as LOOK_MS, so one burst right after the last look is not read as a flood', () => {
    const burst = (BUSY_BYTES_PER_SECOND * LOOK_MS) / 1000 / 2;
    expect(isBusy(at(0, 0), at(1, burst))).toBe(false);
    expect(isBusy(at(0, 0), at(1, burst * 4))).toBe(true);
  });
});
