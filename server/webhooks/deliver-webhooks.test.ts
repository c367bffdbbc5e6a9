import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { webhookDeliveries } from '@/db/access-schema';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { approveRequest } from '../access/approve-request';
import { createRequest } from '../access/create-request';
import { accessScenario, REQUEST } from '../access/test-helpers';
import { createWebhook } from './create-webhook';
import { DELIVERY_FAILED, deliverDueWebhooks, WEBHOOK_RETRY } from './deliver-webhooks';
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
  const ready = new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`)),
  );
  return { received, statuses, ready, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let receiver: ReturnType<typeof startReceiver>;
const originalRetry = { ...WEBHOOK_RETRY };
beforeEach(() => {
  // The receiver listens on loopback, which webhooks may only reach with this setting.
  setTestEnv({ PORTHOLE_WEBHOOK_ALLOW_PRIVATE: '1' });
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

    await db()
      .update(webhookDeliveries)
      .set({ nextAttemptAt: sql`now()` })
      .where(eq(webhookDeliveries.status, 'pending'));
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
      expect(payload.porthole).toMatchObject({
        event: 'request.created',
        request: { id, reason: REQUEST.reason },
        timestamp: Number(headers['x-porthole-timestamp']),
      });
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

  it('refuses private, loopback and link-local targets and plain http when saving', async () => {
    setTestEnv({ PORTHOLE_WEBHOOK_ALLOW_PRIVATE: undefined });
    const { admin } = await accessScenario({ approvers: 0 });
    const save = (url: string) => createWebhook({ actor: admin.actor, input: { name: 'x', url, events: ['request.created'] } });
    expect((await rejectsWith(save('http://hooks.example.com/x'), 'VALIDATION')).fields).toEqual({ url: ['Use an https:// URL'] });
    for (const url of [
      'https://127.0.0.1/hook',
      'https://localhost:8443/',
      'https://[::1]/',
      'https://10.0.0.8/',
      'https://169.254.169.254/latest',
      'https://2130706433/',
      'https://[::ffff:10.0.0.1]/',
    ]) {
      expect((await rejectsWith(save(url), 'VALIDATION')).fields, url).toEqual({ url: ['Webhooks cannot post to loopback, private or link-local addresses'] });
    }
    await expect(save('https://hooks.slack.com/services/T000/B000/XXXX')).resolves.toMatchObject({ secret: expect.stringMatching(/^whsec_/) });
  });

  it('answers a URL that is not one with a field message, not a crash', async () => {
    setTestEnv({ PORTHOLE_WEBHOOK_ALLOW_PRIVATE: undefined });
    const { admin } = await accessScenario({ approvers: 0 });
    const saving = createWebhook({ actor: admin.actor, input: { name: 'x', url: 'not a url', events: ['request.created'] } });
    expect((await rejectsWith(saving, 'VALIDATION')).fields).toEqual({ url: ['Enter an http(s) URL'] });
  });

  it('refuses a private target at delivery time too, and shows only a generic failure', async () => {
    const url = await receiver.ready;
    const { resource, engineer, admin } = await accessScenario({ approvers: 0 });
    // Saved while private targets were allowed; the setting is off by delivery time.
    await createWebhook({ actor: admin.actor, input: { name: 'plain http', url, events: ['request.created'] } });
    await createWebhook({ actor: admin.actor, input: { name: 'loopback', url: url.replace('http:', 'https:'), events: ['request.created'] } });
    await createWebhook({
      actor: admin.actor,
      input: { name: 'by name', url: url.replace('127.0.0.1', 'localhost').replace('http:', 'https:'), events: ['request.created'] },
    });
    setTestEnv({ PORTHOLE_WEBHOOK_ALLOW_PRIVATE: undefined });
    await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
    expect(await deliverDueWebhooks()).toBe(3);
    expect(receiver.received).toHaveLength(0);
    const deliveries = await listDeliveries({ actor: admin.actor });
    expect(deliveries).toHaveLength(3);
    for (const delivery of deliveries) expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null, lastError: DELIVERY_FAILED });
  });

  it('shows a refused connection as the same generic failure, never the socket error', async () => {
    const url = await receiver.ready;
    await receiver.close();
    const { resource, engineer, admin } = await accessScenario({ approvers: 0 });
    await createWebhook({ actor: admin.actor, input: { name: 'closed port', url, events: ['request.created'] } });
    await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
    expect(await deliverDueWebhooks()).toBe(1);
    const [delivery] = await listDeliveries({ actor: admin.actor });
    expect(delivery?.lastError).toBe(DELIVERY_FAILED);
    expect(delivery?.lastError).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    receiver = startReceiver();
  });
});
