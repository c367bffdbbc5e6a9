import { readJson, withApi } from '@/server/api/with-api';
import { testMasking } from '@/server/masking/rules-store/masking-rules';
import { maskingTestInput } from '@/server/masking/rules-store/masking-schemas';

export const POST = withApi(async ({ req, actor }) => testMasking({ actor, input: maskingTestInput.parse(await readJson(req)) }), { roles: ['admin'] });
