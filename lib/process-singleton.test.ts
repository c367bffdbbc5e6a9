import { afterEach, describe, expect, it } from 'vitest';
import { forgetProcessSingleton, processSingleton } from './process-singleton';

afterEach(() => forgetProcessSingleton('test.counter'));

describe('processSingleton', () => {
  it('creates the value once and hands the same one to every caller, as two bundles of one module would ask', async () => {
    let creations = 0;
    const create = () => ({ id: ++creations });
    const first = processSingleton('test.counter', create);
    // A second copy of the module (Next.js's route bundle) has its own `create`, and still gets the first value.
    const second = processSingleton('test.counter', () => ({ id: -1 }));
    expect(second).toBe(first);
    expect(creations).toBe(1);
    // Shared through globalThis, not through this module's own scope.
    const copyOfModule = './process-singleton?copy';
    const copy = (await import(copyOfModule)) as typeof import('./process-singleton');
    expect(copy.processSingleton('test.counter', () => ({ id: -2 }))).toBe(first);
  });

  it('creates it again once forgotten (a test standing in for a restart)', () => {
    const before = processSingleton('test.counter', () => ({ id: 1 }));
    forgetProcessSingleton('test.counter');
    const after = processSingleton('test.counter', () => ({ id: 2 }));
    expect(after).not.toBe(before);
    expect(after.id).toBe(2);
  });
});
