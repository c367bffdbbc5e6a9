import { readJson, withApi } from '@/server/api/with-api';
import { updateBuiltInRule } from '@/server/masking/rules-store/masking-rules';
import { builtInRuleInput } from '@/server/masking/rules-store/masking-schemas';

export const PUT = withApi(
  async ({ req, actor, params }) => updateBuiltInRule({ actor, ruleId: params.id ?? '', input: builtInRuleInput.parse(await readJson(req)) }),
  { roles: ['admin'], textParams: ['id'] },
);
