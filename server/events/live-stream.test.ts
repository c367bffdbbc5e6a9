import { expect, it } from 'vitest';
import { describeEachDriver } from '@/test/db-drivers';
import { approveRequest } from '../access/approve-request';
import { createRequest } from '../access/create-request';
import { accessScenario, REQUEST } from '../access/test-helpers';
import { openLiveStream } from './live-stream';

/** Reads server-sent events from a stream as { event, data } objects. */
function reader(stream: ReadableStream<Uint8Array>) {
  const reading = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  /** The next event, skipping events of other types when `only` is given. */
  return async function next(only?: string): Promise<{ event: string; data: Record<string, unknown> }> {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (event && data && (!only || event === only)) return { event, data: JSON.parse(data) as Record<string, unknown> };
        continue;
      }
      const { value, done } = await reading.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
}

describeEachDriver('live stream', () => {
  it('pushes the approver’s inbox count and the requester’s request state as they change', async () => {
    const { resource, engineer, approvers } = await accessScenario({ approvers: 1 });
    const [arlo] = approvers;
    if (!arlo) throw new Error('approver');
    const abort = new AbortController();
    const approverEvents = reader(openLiveStream({ actor: arlo.actor, signal: abort.signal }));
    const engineerEvents = reader(openLiveStream({ actor: engineer.actor, signal: abort.signal }));
    try {
      expect(await approverEvents()).toEqual({ event: 'inbox', data: { count: 0, changed: false } });
      expect(await engineerEvents()).toEqual({ event: 'inbox', data: { count: 0, changed: false } });

      const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
      expect(await approverEvents()).toEqual({ event: 'inbox', data: { count: 1, changed: true } });
      expect(await engineerEvents('request')).toMatchObject({ event: 'request', data: { requestId: id, status: 'pending' } });

      await approveRequest({ actor: arlo.actor, requestId: id });
      expect(await engineerEvents('request')).toMatchObject({ event: 'request', data: { requestId: id, status: 'approved', grantExpiresAt: expect.any(String) } });
      expect(await approverEvents()).toEqual({ event: 'inbox', data: { count: 0, changed: true } });
    } finally {
      abort.abort();
    }
  });
});
