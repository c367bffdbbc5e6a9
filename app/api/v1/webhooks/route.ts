import { readJson, withApi } from '@/server/api/with-api';
import { createWebhook } from '@/server/webhooks/create-webhook';
import { getWebhook, listWebhooks } from '@/server/webhooks/list-webhooks';
import { webhookInput } from '@/server/webhooks/webhook-schemas';

export const GET = withApi(({ actor }) => listWebhooks({ actor }), { roles: ['admin'] });
export const POST = withApi(
  async ({ req, actor }) => {
    const { id, secret } = await createWebhook({ actor, input: webhookInput.parse(await readJson(req)) });
    return { ...(await getWebhook({ actor, webhookId: id })), secret };
  },
  { roles: ['admin'], status: 201 },
);
