import { readJson, withApi } from '@/server/api/with-api';
import { createApiToken } from '@/server/tokens/create-api-token';
import { listApiTokens } from '@/server/tokens/list-api-tokens';
import { createTokenInput } from '@/server/tokens/token-schemas';

export const GET = withApi(({ actor }) => listApiTokens({ actor }));
export const POST = withApi(async ({ req, actor }) => createApiToken({ actor, input: createTokenInput.parse(await readJson(req)) }), { status: 201 });
