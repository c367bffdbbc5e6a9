import { builtInRuleInput, builtInRuleView, customRuleInput, customRuleView, maskingRulesView, maskingTestInput, maskingTestResultView, resourceMaskingInput, resourceMaskingView } from './masking-schemas';

/** The masking endpoints (admins only), for server/api/openapi.ts. */
export const maskingOperations = [
  { method: 'get', path: '/masking/rules', summary: 'Built-in detectors (with their saved state) and custom masking rules', tag: 'Masking', roles: 'admin', response: maskingRulesView },
  { method: 'put', path: '/masking/built-in/{id}', summary: 'Enable or disable a built-in detector, or change its strategy (id is the detector id, e.g. aws-access-key-id)', tag: 'Masking', roles: 'admin', body: builtInRuleInput, response: builtInRuleView },
  { method: 'post', path: '/masking/custom', summary: 'Add a custom rule (the pattern is validated: it must compile on RE2 and not match the empty string)', tag: 'Masking', roles: 'admin', body: customRuleInput, response: customRuleView, status: 201 },
  { method: 'put', path: '/masking/custom/{id}', summary: 'Replace a custom rule', tag: 'Masking', roles: 'admin', body: customRuleInput, response: customRuleView },
  { method: 'delete', path: '/masking/custom/{id}', summary: 'Delete a custom rule', tag: 'Masking', roles: 'admin', status: 204 },
  { method: 'get', path: '/masking/resources/{id}', summary: "A resource's masking mode", tag: 'Masking', roles: 'admin', response: resourceMaskingView },
  { method: 'put', path: '/masking/resources/{id}', summary: 'Mask the view and the recording (default), or the recording only', tag: 'Masking', roles: 'admin', body: resourceMaskingInput, response: resourceMaskingView },
  { method: 'post', path: '/masking/test', summary: 'Mask sample text with the saved rules (and an unsaved draft rule): nothing is stored', tag: 'Masking', roles: 'admin', body: maskingTestInput, response: maskingTestResultView },
] as const;
