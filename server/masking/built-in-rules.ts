import { assignmentRules } from './rules/assignments';
import { authRules } from './rules/auth';
import { cloudRules } from './rules/cloud';
import { codeHostingRules } from './rules/code-hosting';
import { keyMaterialRules } from './rules/key-material';
import { messagingRules } from './rules/messaging';
import { paymentRules } from './rules/payment';
import { pemRules } from './rules/pem';
import { personalRules } from './rules/personal';
import type { MaskRule } from './types';

/**
 * Every built-in detector, in priority order: when two start at the same place, the earlier
 * wins (specific token formats before the generic assignment and header rules).
 */
export const BUILT_IN_RULES: readonly MaskRule[] = [
  ...pemRules,
  ...cloudRules,
  ...codeHostingRules,
  ...messagingRules,
  ...paymentRules.filter((rule) => rule.id === 'stripe-key'),
  ...authRules,
  ...assignmentRules,
  ...paymentRules.filter((rule) => rule.id !== 'stripe-key'),
  ...personalRules,
  // Last: a candidate their check rejects must not hide another rule's match at the same place.
  ...keyMaterialRules,
];

export interface RuleOverride {
  enabled?: boolean;
  strategy?: MaskRule['strategy'];
}

/**
 * The rules a masker should run: built-ins with per-rule overrides (what the admin saved),
 * then custom rules (already compiled with compileCustomRule).
 */
export function selectRules(overrides: Readonly<Record<string, RuleOverride>> = {}, custom: readonly MaskRule[] = []): MaskRule[] {
  const builtIns = BUILT_IN_RULES.filter((rule) => overrides[rule.id]?.enabled ?? rule.enabledByDefault).map((rule) => {
    const strategy = overrides[rule.id]?.strategy;
    return strategy ? { ...rule, strategy } : rule;
  });
  return [...builtIns, ...custom];
}
