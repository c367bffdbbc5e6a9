import { readJson, withApi } from '@/server/api/with-api';
import { createCustomRule } from '@/server/masking/rules-store/masking-rules';
import { customRuleInput } from '@/server/masking/rules-store/masking-schemas';

export const POST = withApi(async ({ req, actor }) => createCustomRule({ actor, input: customRuleInput.parse(await readJson(req)) }), {
  roles: ['admin'],
  status: 201,
});
