import { withApi } from '@/server/api/with-api';
import { cancelRequest } from '@/server/access/cancel-request';

export const POST = withApi(({ actor, params }) => cancelRequest({ actor, requestId: params.id ?? '' }));
