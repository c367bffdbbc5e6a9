import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { webhookDeliveries } from '@/db/access-schema';
import { describeEachDriver } from '@/test/db-drivers';
import { approveRequest } from '../access/approve-request';
import { createRequest } from '../access/create-request';
import { accessScenario, REQUEST } from '../access/test-helpers';
import { createWebhook } from './create-webhook';
import { deliverDueWebhooks, WEBHOOK_RETRY } from './deliver-webhooks';
import { listDeliveries } from './list-webhooks';
import { verifySignature } from './sign-webhook';

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A local HTTP receiver that answers with the queued statuses, then 200. */
function startReceiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(statuses.shift() ?? 200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  const ready = new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`)));
  return { received, statuses, ready, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let receiver: ReturnType<typeof startReceiver>;
const originalRetry = { ...WEBHOOK_RETRY };
beforeEach(() => {
  receiver = startReceiver();
});
afterEach(async () => {
  Object.assign(WEBHOOK_RETRY, originalRetry);
  await receiver.close();
});

describeEachDriver('webhook delivery', () => {
  it('posts a signed, Slack-shaped message for each subscribed event and retries after a 500', async () => {
    const url = await receiver.ready;
    const { resource, engineer, approvers, admin } = await accessScenario({ approvers: 1 });
    const [arlo] = approvers;
    if (!arlo) throw new Error('approver');
    const { secret } = await createWebhook({ actor: admin.actor, input: { name: 'ops channel', url, events: ['request.created', 'request.approved'] } });

    receiver.statuses.push(500);
    const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
    expect(await deliverDueWebhooks()).toBe(1);
    let [delivery] = await listDeliveries({ actor: admin.actor });
    expect(delivery).toMatchObject({ event: 'request.created', status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500' });
    const backoff = new Date(delivery?.nextAttemptAt ?? 0).getTime() - Date.now();
    expect(backoff).toBeGreaterThan(WEBHOOK_RETRY.baseMs - 5_000);
    // Not due yet: nothing is sent.
    expect(await deliverDueWebhooks()).toBe(0);

    await db().update(webhookDeliveries).set({ nextAttemptAt: sql`now()` }).where(eq(webhookDeliveries.status, 'pending'));
    expect(await deliverDueWebhooks()).toBe(1);
    [delivery] = await listDeliveries({ actor: admin.actor });
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200, lastError: null });

    expect(receiver.received).toHaveLength(2);
    for (const { headers, body } of receiver.received) {
      expect(headers['content-type']).toBe('application/json');
      expect(verifySignature(secret, body, String(headers['x-porthole-signature']))).toBe(true);
      expect(verifySignature('whsec_wrong', body, String(headers['x-porthole-signature']))).toBe(false);
      const payload = JSON.parse(body) as { text: string; blocks: unknown[]; porthole: Record<string, unknown> };
      expect(payload.text).toBe(`Emma Engineer requested access to ${resource.name}`);
      expect(payload.blocks).toEqual([expect.objectContaining({ type: 'section', text: expect.objectContaining({ type: 'mrkdwn' }) })]);
      expect(payload.porthole).toMatchObject({ event: 'request.created', request: { id, reason: REQUEST.reason }, timestamp: Number(headers['x-porthole-timestamp']) });
      expect(headers['x-porthole-event']).toBe('request.created');
    }

    await approveRequest({ actor: arlo.actor, requestId: id, input: { comment: 'go' } });
    expect(await deliverDueWebhooks()).toBe(1);
    const approved = JSON.parse(receiver.received[2]?.body ?? '{}') as { text: string; porthole: { grant?: { expiresAt: string }; comment?: string } };
    expect(approved.text).toBe(`Emma Engineer was granted access to ${resource.name}`);
    expect(approved.porthole).toMatchObject({ comment: 'go', grant: { expiresAt: expect.any(String) } });
  });

  it('gives up after the last attempt and shows the delivery as failed', async () => {
    const url = await receiver.ready;
    Object.assign(WEBHOOK_RETRY, { maxAttempts: 2, baseMs: 1 });
    const { resource, engineer, admin } = await accessScenario({ approvers: 0 });
    await createWebhook({ actor: admin.actor, input: { name: 'down', url, events: ['request.created'] } });
    receiver.statuses.push(503, 503, 503);
    await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
    await deliverDueWebhooks();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await deliverDueWebhooks();
    const [delivery] = await listDeliveries({ actor: admin.actor });
    expect(delivery).toMatchObject({ status: 'failed', attempts: 2, lastStatusCode: 503, nextAttemptAt: null });
    expect(receiver.received).toHaveLength(2);
  });

  it('queues nothing for events a webhook does not subscribe to, nor for disabled webhooks', async () => {
    const url = await receiver.ready;
    const { resource, engineer, admin } = await accessScenario({ approvers: 0 });
    await createWebhook({ actor: admin.actor, input: { name: 'approvals only', url, events: ['request.approved'] } });
    await createWebhook({ actor: admin.actor, input: { name: 'off', url, events: ['request.created'], isEnabled: false } });
    await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
    expect(await db().select().from(webhookDeliveries)).toHaveLength(0);
  });
});
