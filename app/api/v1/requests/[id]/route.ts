import { withApi } from '@/server/api/with-api';
import { getRequest } from '@/server/access/get-request';

export const GET = withApi(({ actor, params }) => getRequest({ actor, requestId: params.id ?? '' }));
