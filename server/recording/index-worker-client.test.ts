import fs from 'node:fs';
import { beforeEach, expect, it } from 'vitest';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { makeUser } from '@/test/factories';
import { searchRecordings } from '../search/search-recordings';
import { recordSynthetic } from '../search/testing/synthetic-recording';
import { keptIndexWorkerThreadId } from './index-worker-client';

/** The nice value of each thread of this process (Linux: field 19 of /proc/<pid>/task/<tid>/stat). */
function threadNiceValues(): Map<number, number> {
  const values = new Map<number, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    values.set(Number(tid), Number(fields[16]));
  }
  return values;
}

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

  // A 100 MB recording keeps a core busy for tens of seconds: live sessions must come first.
  it.runIf(process.platform === 'linux')('indexes at the lowest priority, leaving the rest of the process at its own', async () => {
    const { user } = await makeUser();
    await recordSynthetic({ userId: user.id, events: [[0.5, 'o', 'output to index\r\n']] });
    expect(keptIndexWorkerThreadId()).not.toBeNull();
    const nice = threadNiceValues();
    expect([...nice.values()]).toContain(19);
    expect(nice.get(process.pid)).toBe(0);
  });
});
