import { readJson, withApi } from '@/server/api/with-api';
import { getWebhook } from '@/server/webhooks/list-webhooks';
import { deleteWebhook, updateWebhook, updateWebhookInput } from '@/server/webhooks/update-webhook';

export const GET = withApi(({ actor, params }) => getWebhook({ actor, webhookId: params.id ?? '' }), { roles: ['admin'] });
export const PATCH = withApi(
  async ({ req, actor, params }) => {
    const webhookId = params.id ?? '';
    await updateWebhook({ actor, webhookId, input: updateWebhookInput.parse(await readJson(req)) });
    return getWebhook({ actor, webhookId });
  },
  { roles: ['admin'] },
);
export const DELETE = withApi(({ actor, params }) => deleteWebhook({ actor, webhookId: params.id ?? '' }), { roles: ['admin'] });
