'use server';

import { formText } from '@/lib/form-data';
import { revalidatePath } from 'next/cache';
import type { FormState } from '@/components/ui/form-state';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';
import { createWebhook } from '@/server/webhooks/create-webhook';
import { retryDelivery, sendTestWebhook } from '@/server/webhooks/send-test-webhook';
import { deleteWebhook, rotateWebhookSecret, updateWebhook } from '@/server/webhooks/update-webhook';
import type { WebhookEvent } from '@/db/access-schema';

export type SecretState = (FormState & { secret?: string }) | undefined;

function failure(error: unknown): { ok: false; message: string; fields?: Record<string, string[]> } {
  const appError = toAppError(error);
  return { ok: false, message: appError.userMessage, fields: appError.fields };
}

const done = (message: string): FormState => {
  revalidatePath('/admin/webhooks');
  return { ok: true, message };
};

export async function createWebhookAction(_prev: SecretState, form: FormData): Promise<SecretState> {
  const actor = await requirePageActor('admin');
  try {
    const { secret } = await createWebhook({
      actor,
      input: {
        name: formText(form, 'name'),
        url: formText(form, 'url'),
        events: form.getAll('events').map(String) as WebhookEvent[],
      },
    });
    revalidatePath('/admin/webhooks');
    return { ok: true, message: 'Webhook added.', secret };
  } catch (error) {
    return failure(error);
  }
}

export async function setWebhookEnabledAction(webhookId: string, isEnabled: boolean): Promise<FormState> {
  const actor = await requirePageActor('admin');
  try {
    await updateWebhook({ actor, webhookId, input: { isEnabled } });
    return done(isEnabled ? 'Enabled.' : 'Disabled.');
  } catch (error) {
    return failure(error);
  }
}

export async function rotateSecretAction(webhookId: string): Promise<SecretState> {
  const actor = await requirePageActor('admin');
  try {
    const { secret } = await rotateWebhookSecret({ actor, webhookId });
    return { ok: true, message: 'New signing secret (shown once):', secret };
  } catch (error) {
    return failure(error);
  }
}

export async function deleteWebhookAction(webhookId: string): Promise<FormState> {
  const actor = await requirePageActor('admin');
  try {
    await deleteWebhook({ actor, webhookId });
    return done('Webhook deleted.');
  } catch (error) {
    return failure(error);
  }
}

export async function sendTestAction(webhookId: string): Promise<FormState> {
  const actor = await requirePageActor('admin');
  try {
    await sendTestWebhook({ actor, webhookId });
    return done('Test message queued.');
  } catch (error) {
    return failure(error);
  }
}

export async function retryDeliveryAction(deliveryId: string): Promise<FormState> {
  const actor = await requirePageActor('admin');
  try {
    await retryDelivery({ actor, deliveryId });
    return done('Queued again.');
  } catch (error) {
    return failure(error);
  }
}
