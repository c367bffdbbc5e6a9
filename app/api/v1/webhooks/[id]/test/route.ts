import { withApi } from '@/server/api/with-api';
import { sendTestWebhook } from '@/server/webhooks/send-test-webhook';

export const POST = withApi(
  async ({ actor, params }) => {
    await sendTestWebhook({ actor, webhookId: params.id ?? '' });
    return new Response(null, { status: 202 });
  },
  { roles: ['admin'] },
);
