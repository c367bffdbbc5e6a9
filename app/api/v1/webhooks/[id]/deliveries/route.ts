import { withApi } from '@/server/api/with-api';
import { getWebhook, listDeliveries } from '@/server/webhooks/list-webhooks';

export const GET = withApi(
  async ({ actor, params }) => {
    const { id: webhookId } = await getWebhook({ actor, webhookId: params.id ?? '' });
    return listDeliveries({ actor, webhookId });
  },
  { roles: ['admin'] },
);
