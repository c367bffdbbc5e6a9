import { withApi } from '@/server/api/with-api';
import { rotateWebhookSecret } from '@/server/webhooks/update-webhook';

export const POST = withApi(({ actor, params }) => rotateWebhookSecret({ actor, webhookId: params.id ?? '' }), { roles: ['admin'] });
