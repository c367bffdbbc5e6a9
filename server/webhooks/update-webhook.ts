import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { webhooks } from '@/db/access-schema';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { generateWebhookSecret, sealWebhookSecret } from './webhook-secret';
import { z } from 'zod';
import { webhookInput } from './webhook-schemas';
import { isUuid } from '@/lib/uuid/is-uuid';

const noSuchWebhook = () => new AppError('NOT_FOUND', { userMessage: 'No such webhook.' });

function requireWebhookId(id: string): string {
  if (!isUuid(id)) throw noSuchWebhook();
  return id;
}

/** Every field optional and no defaults: zod 4 applies an inner default under .partial(), which re-enabled a disabled webhook on a rename. */
export const updateWebhookInput = webhookInput.extend({ isEnabled: z.boolean() }).partial();

export async function updateWebhook({
  actor,
  webhookId,
  input,
}: {
  actor: Actor;
  webhookId: string;
  input: z.input<typeof updateWebhookInput>;
}): Promise<void> {
  requireRole(actor, 'admin');
  const data = updateWebhookInput.parse(input);
  requireWebhookId(webhookId);
  await db().transaction(async (tx) => {
    const [row] = await tx
      .update(webhooks)
      .set({ ...data, updatedAt: sql`now()` })
      .where(eq(webhooks.id, webhookId))
      .returning({ id: webhooks.id });
    if (!row) throw noSuchWebhook();
    await recordAuditEvent({ actorId: actor.id, action: 'webhook.update', targetType: 'webhook', targetId: webhookId, data }, tx);
  });
}

/** A new signing secret, returned once; the old one stops working at once. */
export async function rotateWebhookSecret({ actor, webhookId }: { actor: Actor; webhookId: string }): Promise<{ secret: string }> {
  requireRole(actor, 'admin');
  requireWebhookId(webhookId);
  const secret = generateWebhookSecret();
  await db().transaction(async (tx) => {
    const [row] = await tx
      .update(webhooks)
      .set({ secret: sealWebhookSecret(webhookId, secret), updatedAt: sql`now()` })
      .where(eq(webhooks.id, webhookId))
      .returning({ id: webhooks.id });
    if (!row) throw noSuchWebhook();
    await recordAuditEvent({ actorId: actor.id, action: 'webhook.rotate_secret', targetType: 'webhook', targetId: webhookId }, tx);
  });
  return { secret };
}

export async function deleteWebhook({ actor, webhookId }: { actor: Actor; webhookId: string }): Promise<void> {
  requireRole(actor, 'admin');
  requireWebhookId(webhookId);
  await db().transaction(async (tx) => {
    const [row] = await tx.delete(webhooks).where(eq(webhooks.id, webhookId)).returning({ id: webhooks.id, name: webhooks.name });
    if (!row) throw noSuchWebhook();
    await recordAuditEvent({ actorId: actor.id, action: 'webhook.delete', targetType: 'webhook', targetId: webhookId, data: { name: row.name } }, tx);
  });
}
