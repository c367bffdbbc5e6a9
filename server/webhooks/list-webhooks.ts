import { desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { webhookDeliveries, webhooks } from '@/db/access-schema';
import { isUuid } from '@/lib/uuid/is-uuid';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { AppError } from '../errors/app-error';
import { DELIVERY_FAILED, SECRET_UNREADABLE } from './deliver-webhooks';
import type { DeliveryView, WebhookView } from './webhook-schemas';

/** Rows written before errors were made generic may still name hosts and socket errors. */
function shownError(lastError: string | null): string | null {
  if (lastError === null || lastError === SECRET_UNREADABLE || /^HTTP \d{3}$/.test(lastError)) return lastError;
  return DELIVERY_FAILED;
}

export async function listWebhooks({ actor, webhookId }: { actor: Actor; webhookId?: string }): Promise<WebhookView[]> {
  requireRole(actor, 'admin');
  const rows = await db()
    .select({
      webhook: webhooks,
      pending: sql<number>`count(*) filter (where ${webhookDeliveries.status} = 'pending')::int`,
      delivered: sql<number>`count(*) filter (where ${webhookDeliveries.status} = 'delivered')::int`,
      failed: sql<number>`count(*) filter (where ${webhookDeliveries.status} = 'failed')::int`,
    })
    .from(webhooks)
    .leftJoin(webhookDeliveries, eq(webhookDeliveries.webhookId, webhooks.id))
    .where(webhookId ? eq(webhooks.id, webhookId) : undefined)
    .groupBy(webhooks.id)
    .orderBy(webhooks.name);
  return rows.map(({ webhook, pending, delivered, failed }) => ({
    id: webhook.id,
    name: webhook.name,
    url: webhook.url,
    events: webhook.events,
    isEnabled: webhook.isEnabled,
    createdAt: webhook.createdAt.toISOString(),
    counts: { pending, delivered, failed },
  }));
}

/** One webhook with its delivery counts. */
export async function getWebhook({ actor, webhookId }: { actor: Actor; webhookId: string }): Promise<WebhookView> {
  requireRole(actor, 'admin');
  const [hook] = isUuid(webhookId) ? await listWebhooks({ actor, webhookId }) : [];
  if (!hook) throw new AppError('NOT_FOUND', { userMessage: 'No such webhook.' });
  return hook;
}

/** The latest deliveries across all webhooks (or one), newest first. */
export async function listDeliveries({ actor, webhookId, limit = 100 }: { actor: Actor; webhookId?: string; limit?: number }): Promise<DeliveryView[]> {
  requireRole(actor, 'admin');
  const rows = await db()
    .select({ delivery: webhookDeliveries, webhookName: webhooks.name })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(webhookId ? eq(webhookDeliveries.webhookId, webhookId) : undefined)
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(limit);
  return rows.map(({ delivery, webhookName }) => ({
    id: delivery.id,
    webhookId: delivery.webhookId,
    webhookName,
    event: delivery.event,
    status: delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt.toISOString() : null,
    lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
    lastStatusCode: delivery.lastStatusCode,
    lastError: shownError(delivery.lastError),
    createdAt: delivery.createdAt.toISOString(),
  }));
}
