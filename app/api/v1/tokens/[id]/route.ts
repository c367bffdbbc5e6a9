import { withApi } from '@/server/api/with-api';
import { revokeApiToken } from '@/server/tokens/revoke-api-token';

export const DELETE = withApi(({ actor, params }) => revokeApiToken({ actor, tokenId: params.id ?? '' }));
