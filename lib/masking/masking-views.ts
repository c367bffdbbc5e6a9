/** What the admin masking page shows (shared by server/masking/rules-store and the browser). */
export type MaskStrategyName = 'label' | 'keep-last-4';

export type CustomRuleView = {
  id: string;
  name: string;
  pattern: string;
  replacement: string | null;
  label: string;
  strategy: MaskStrategyName;
  caseInsensitive: boolean;
  isEnabled: boolean;
  resourceIds: string[] | null;
  updatedAt: string;
};

export type BuiltInRuleView = {
  id: string;
  name: string;
  description: string;
  label: string;
  enabled: boolean;
  enabledByDefault: boolean;
  strategy: MaskStrategyName;
};

export type MaskingTestResult = {
  output: string;
  masks: { rule: string; ruleId: string; offset: number; length: number }[];
};
