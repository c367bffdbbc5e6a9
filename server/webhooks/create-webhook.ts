import { randomUUID } from 'node:crypto';
import { db } from '@/db/client';
import { webhooks } from '@/db/access-schema';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { recordAuditEvent } from '../audit/record-audit-event';
import { generateWebhookSecret, sealWebhookSecret } from './webhook-secret';
import { webhookInput, type WebhookInput } from './webhook-schemas';

/** Creates a webhook; its signing secret is returned this once. */
export async function createWebhook({ actor, input }: { actor: Actor; input: WebhookInput }): Promise<{ id: string; secret: string }> {
  requireRole(actor, 'admin');
  const data = webhookInput.parse(input);
  const id = randomUUID();
  const secret = generateWebhookSecret();
  await db().transaction(async (tx) => {
    await tx.insert(webhooks).values({ id, ...data, secret: sealWebhookSecret(id, secret) });
    await recordAuditEvent(
      { actorId: actor.id, action: 'webhook.create', targetType: 'webhook', targetId: id, data: { name: data.name, url: data.url, events: data.events } },
      tx,
    );
  });
  return { id, secret };
}
