import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { webhookDeliveries, webhooks } from '@/db/access-schema';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { AppError } from '../errors/app-error';
import { wakeWebhookSender } from './deliver-webhooks';
import { buildTestPayload } from './webhook-payload';
import { isUuid } from '@/lib/uuid/is-uuid';

/** Queues a test message to one webhook, whatever events it subscribes to. */
export async function sendTestWebhook({ actor, webhookId }: { actor: Actor; webhookId: string }): Promise<void> {
  requireRole(actor, 'admin');
  if (!isUuid(webhookId)) throw new AppError('NOT_FOUND', { userMessage: 'No such webhook.' });
  const [hook] = await db().select({ id: webhooks.id, name: webhooks.name }).from(webhooks).where(eq(webhooks.id, webhookId));
  if (!hook) throw new AppError('NOT_FOUND', { userMessage: 'No such webhook.' });
  await db()
    .insert(webhookDeliveries)
    .values({ webhookId: hook.id, event: 'webhook.test', payload: buildTestPayload(hook.name) });
  wakeWebhookSender();
}

/** Sends a failed delivery again (the attempt counter restarts). */
export async function retryDelivery({ actor, deliveryId }: { actor: Actor; deliveryId: string }): Promise<void> {
  requireRole(actor, 'admin');
  if (!isUuid(deliveryId)) throw new AppError('NOT_FOUND', { userMessage: 'No such delivery.' });
  const [row] = await db()
    .update(webhookDeliveries)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: sql`now()` })
    .where(sql`${webhookDeliveries.id} = ${deliveryId} and ${webhookDeliveries.status} = 'failed'`)
    .returning({ id: webhookDeliveries.id });
  if (!row) throw new AppError('CONFLICT', { userMessage: 'Only a failed delivery can be retried.' });
  wakeWebhookSender();
}
