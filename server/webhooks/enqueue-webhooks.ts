import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { webhookDeliveries, webhooks, type WebhookEvent } from '@/db/access-schema';
import { buildRequestPayload, type RequestEventSubject } from './webhook-payload';

/**
 * Writes one pending delivery per enabled webhook subscribed to `event`, inside the caller's
 * transaction (an outbox): a change and its notifications commit or roll back together.
 * Returns how many were queued, so the caller can wake the sender after the commit.
 */
export async function enqueueWebhooks(tx: Pick<Db, 'select' | 'insert'>, event: WebhookEvent, subject: RequestEventSubject): Promise<number> {
  const targets = await tx
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.isEnabled, true), sql`${event} = any(${webhooks.events})`));
  if (targets.length === 0) return 0;
  const payload = buildRequestPayload(event, subject);
  await tx.insert(webhookDeliveries).values(targets.map((target) => ({ webhookId: target.id, event, payload })));
  return targets.length;
}
