'use server';

import { z } from 'zod';
import type { WebhookEvent } from '@/db/access-schema';
import type { FormState } from '@/components/ui/form-state';
import { formText } from '@/lib/form-data';
import { actionArg, defineAction } from '@/server/api/define-action';
import { createWebhook } from '@/server/webhooks/create-webhook';
import { retryDelivery, sendTestWebhook } from '@/server/webhooks/send-test-webhook';
import { deleteWebhook, rotateWebhookSecret, updateWebhook } from '@/server/webhooks/update-webhook';

export type SecretState = (FormState & { secret?: string }) | undefined;

const WEBHOOKS_PAGE = ['/admin/webhooks'];

export const createWebhookAction = defineAction({
  roles: ['admin'],
  input: z.tuple([actionArg.previous, actionArg.form]),
  run: async ({ actor, input: [, form] }) => {
    const { secret } = await createWebhook({
      actor,
      input: { name: formText(form, 'name'), url: formText(form, 'url'), events: form.getAll('events').map(String) as WebhookEvent[] },
    });
    return { ok: true, message: 'Webhook added.', secret };
  },
  revalidate: WEBHOOKS_PAGE,
});

export const setWebhookEnabledAction = defineAction({
  roles: ['admin'],
  input: z.tuple([actionArg.id, z.boolean()]),
  run: async ({ actor, input: [webhookId, isEnabled] }) => {
    await updateWebhook({ actor, webhookId, input: { isEnabled } });
    return { ok: true, message: isEnabled ? 'Enabled.' : 'Disabled.' };
  },
  revalidate: WEBHOOKS_PAGE,
});

export const rotateSecretAction = defineAction({
  roles: ['admin'],
  input: z.tuple([actionArg.id]),
  run: async ({ actor, input: [webhookId] }) => {
    const { secret } = await rotateWebhookSecret({ actor, webhookId });
    return { ok: true, message: 'New signing secret (shown once):', secret };
  },
});

export const deleteWebhookAction = defineAction({
  roles: ['admin'],
  input: z.tuple([actionArg.id]),
  run: async ({ actor, input: [webhookId] }) => {
    await deleteWebhook({ actor, webhookId });
    return { ok: true, message: 'Webhook deleted.' };
  },
  revalidate: WEBHOOKS_PAGE,
});

export const sendTestAction = defineAction({
  roles: ['admin'],
  input: z.tuple([actionArg.id]),
  run: async ({ actor, input: [webhookId] }) => {
    await sendTestWebhook({ actor, webhookId });
    return { ok: true, message: 'Test message queued.' };
  },
  revalidate: WEBHOOKS_PAGE,
});

export const retryDeliveryAction = defineAction({
  roles: ['admin'],
  input: z.tuple([actionArg.id]),
  run: async ({ actor, input: [deliveryId] }) => {
    await retryDelivery({ actor, deliveryId });
    return { ok: true, message: 'Queued again.' };
  },
  revalidate: WEBHOOKS_PAGE,
});
