import { readJson, withApi } from '@/server/api/with-api';
import { deleteCustomRule, updateCustomRule } from '@/server/masking/rules-store/masking-rules';
import { customRuleInput } from '@/server/masking/rules-store/masking-schemas';

export const PUT = withApi(
  async ({ req, actor, params }) => updateCustomRule({ actor, ruleId: params.id ?? '', input: customRuleInput.parse(await readJson(req)) }),
  { roles: ['admin'] },
);
export const DELETE = withApi(({ actor, params }) => deleteCustomRule({ actor, ruleId: params.id ?? '' }), { roles: ['admin'] });
