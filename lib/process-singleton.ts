/*
 * Next.js bundles the route code (app/) apart from the custom server (server/index.ts), and
 * development reloads modules, so a module-level `const` may exist more than once in one
 * process: two event buses, two metric registries, two caches that disagree. What must be one
 * per process lives on globalThis instead, under a key, created on first use.
 */

type Slots = Map<string, unknown>;
const holder = globalThis as unknown as { __portholeSingletons?: Slots };
// One map for all of them, found once per module copy: callers on the data path (metrics) ask
// for their value per frame, so a lookup must not build a key string.
const slots: Slots = (holder.__portholeSingletons ??= new Map<string, unknown>());

/** The process's one value for `key`, made by `create` the first time it is asked for. */
export function processSingleton<T>(key: string, create: () => T): T {
  let value = slots.get(key);
  if (value === undefined && !slots.has(key)) {
    value = create();
    slots.set(key, value);
  }
  return value as T;
}

/** For tests: the next processSingleton(key) creates the value again, as after a restart. */
export function forgetProcessSingleton(key: string): void {
  slots.delete(key);
}
