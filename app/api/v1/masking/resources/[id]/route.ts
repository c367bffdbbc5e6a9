import { readJson, withApi } from '@/server/api/with-api';
import { getResourceMaskingMode, setResourceMaskingMode } from '@/server/masking/rules-store/masking-rules';
import { resourceMaskingInput } from '@/server/masking/rules-store/masking-schemas';

export const GET = withApi(({ actor, params }) => getResourceMaskingMode({ actor, resourceId: params.id ?? '' }), { roles: ['admin'] });
export const PUT = withApi(
  async ({ req, actor, params }) => setResourceMaskingMode({ actor, resourceId: params.id ?? '', input: resourceMaskingInput.parse(await readJson(req)) }),
  { roles: ['admin'] },
);
