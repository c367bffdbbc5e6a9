import { processSingleton } from '@/lib/process-singleton';
import { publish, subscribe, type CacheScope } from './event-bus';

/**
 * A short-lived copy of rows read on every proxied request (the API token and its user, the
 * resource), so a request does not wait for PostgreSQL each time. Correctness does not rest on
 * the time limit: every change to such a row publishes `cache.invalidate` after it commits,
 * and each replica drops its copies at once (a replica whose event bridge reconnects drops them
 * too, having possibly missed one). The time limit only bounds a copy's life should an
 * invalidation be lost in some way nobody foresaw.
 */
export type InvalidatedCache<V> = {
  get(key: string): V | undefined;
  /** Taken before a lookup: what the lookup read is stored only if no invalidation came meanwhile. */
  generation(): number;
  storeIfCurrent(generation: number, key: string, value: V): void;
};

type Entry<V> = { value: V; expiresAt: number };

export type CacheOptions = { scope: CacheScope; ttlMs: number; maxEntries: number };

function createCache<V>({ scope, ttlMs, maxEntries }: CacheOptions): InvalidatedCache<V> {
  const entries = new Map<string, Entry<V>>();
  let generation = 0;
  subscribe((event) => {
    if (event.type !== 'cache.invalidate' || event.scope !== scope) return;
    generation++;
    entries.clear();
  });
  const set = (key: string, value: V) => {
    entries.delete(key);
    // Insertion order is age order: the oldest entry goes first when the cache is full.
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(key, { value, expiresAt: Date.now() + ttlMs });
  };
  return {
    get: (key) => {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt > Date.now()) return entry.value;
      entries.delete(key);
      return undefined;
    },
    generation: () => generation,
    storeIfCurrent: (readAt, key, value) => {
      if (readAt === generation) set(key, value);
    },
  };
}

/** The process's one cache named `name` (route code and the custom server share it). */
export function invalidatedCache<V>(name: string, options: CacheOptions): InvalidatedCache<V> {
  return processSingleton(`invalidatedCache:${name}`, () => createCache<V>(options));
}

/** Every replica drops its cached rows of `scope`. Call after the change has committed. */
export function invalidateCaches(scope: CacheScope): void {
  publish({ type: 'cache.invalidate', scope });
}
