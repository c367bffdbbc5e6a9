import { beforeEach, expect, it } from 'vitest';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { makeUser } from '@/test/factories';
import { searchRecordings } from '../search/search-recordings';
import { recordSynthetic } from '../search/testing/synthetic-recording';
import { keptIndexWorkerThreadId } from './index-worker-client';

describeEachDriver('indexing worker', (driver) => {
  beforeEach(() => setTestEnv({ PORTHOLE_RECORDING_STORE: driver === 'pglite' ? 'file' : 'postgres' }));

  // Starting a worker (and loading the indexer into it) per recording cost more than indexing a small one.
  it('indexes one recording after another in the same worker thread', async () => {
    const { user, actor } = await makeUser();
    await recordSynthetic({ userId: user.id, events: [[0.5, 'o', 'first-recording output\r\n']] });
    const thread = keptIndexWorkerThreadId();
    expect(thread).not.toBeNull();
    await recordSynthetic({ userId: user.id, events: [[0.5, 'o', 'second-recording output\r\n']] });
    expect(keptIndexWorkerThreadId()).toBe(thread);
    expect((await searchRecordings({ actor, query: { q: 'output' } })).total).toBe(2);
  });
});
