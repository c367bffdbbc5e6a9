import { randomUUID } from 'node:crypto';
import { afterEach, expect, it, vi } from 'vitest';
import { invalidateCaches, invalidatedCache } from './invalidated-cache';

afterEach(() => {
  vi.useRealTimers();
});

/** A cache of its own per test (caches are process singletons by name). */
const freshCache = (options: { scope?: 'auth' | 'resources'; ttlMs?: number; maxEntries?: number } = {}) =>
  invalidatedCache<string>(`test-${randomUUID()}`, { scope: options.scope ?? 'auth', ttlMs: options.ttlMs ?? 5_000, maxEntries: options.maxEntries ?? 100 });

it('keeps a row until its scope is invalidated; another scope leaves it', () => {
  const cache = freshCache({ scope: 'auth' });
  cache.storeIfCurrent(cache.generation(), 'token', 'ada');
  invalidateCaches('resources');
  expect(cache.get('token')).toBe('ada');
  invalidateCaches('auth');
  expect(cache.get('token')).toBeUndefined();
});

it('never stores a row read before an invalidation that came while it was read', () => {
  const cache = freshCache();
  const readAt = cache.generation();
  // The token is revoked (and the caches told) while the lookup waits for its row.
  invalidateCaches('auth');
  cache.storeIfCurrent(readAt, 'token', 'ada, before the revocation');
  expect(cache.get('token')).toBeUndefined();
  cache.storeIfCurrent(cache.generation(), 'token', 'read after');
  expect(cache.get('token')).toBe('read after');
});

it('forgets a row after its time, should an invalidation ever be lost', () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  const cache = freshCache({ ttlMs: 5_000 });
  cache.storeIfCurrent(cache.generation(), 'token', 'ada');
  vi.setSystemTime(Date.now() + 4_999);
  expect(cache.get('token')).toBe('ada');
  vi.setSystemTime(Date.now() + 2);
  expect(cache.get('token')).toBeUndefined();
});

it('holds at most maxEntries rows, dropping the oldest', () => {
  const cache = freshCache({ maxEntries: 3 });
  for (const key of ['a', 'b', 'c', 'd']) cache.storeIfCurrent(cache.generation(), key, key.toUpperCase());
  expect(['a', 'b', 'c', 'd'].map((key) => cache.get(key))).toEqual([undefined, 'B', 'C', 'D']);
});
