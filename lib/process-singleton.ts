/*
 * Next.js bundles the route code (app/) apart from the custom server (server/index.ts), and
 * development reloads modules, so a module-level `const` may exist more than once in one
 * process: two event buses, two metric registries, two caches that disagree. What must be one
 * per process lives on globalThis instead, under a key, created on first use.
 */

const slots = globalThis as unknown as Record<string, unknown>;
const slotOf = (key: string) => `__porthole:${key}`;

/** The process's one value for `key`, made by `create` the first time it is asked for. */
export function processSingleton<T>(key: string, create: () => T): T {
  const slot = slotOf(key);
  if (!(slot in slots)) slots[slot] = create();
  return slots[slot] as T;
}

/** For tests: the next processSingleton(key) creates the value again, as after a restart. */
export function forgetProcessSingleton(key: string): void {
  delete slots[slotOf(key)];
}
