import { z } from 'zod';
import { MASK_STRATEGIES, MASKING_MODES } from '@/db/masking-schema';
import { MASKING_SAMPLE_MAX_CHARS, SAMPLE_TOO_LONG } from '@/lib/masking/sample-limit';

export const maskStrategy = z.enum(MASK_STRATEGIES);

export const customRuleInput = z.object({
  name: z.string().trim().min(1, 'Give the rule a name').max(80),
  pattern: z.string().min(1, 'Enter a regular expression').max(1000),
  /** Empty: `[MASKED:<name>]`. */
  replacement: z
    .string()
    .trim()
    .max(80)
    .nullish()
    .transform((value) => value || null),
  strategy: maskStrategy.default('label'),
  caseInsensitive: z.boolean().default(false),
  isEnabled: z.boolean().default(true),
  /** Null or absent: every resource. */
  resourceIds: z
    .array(z.uuid())
    .max(500)
    .nullish()
    .transform((ids) => (ids && ids.length > 0 ? [...new Set(ids)] : null)),
});
export type CustomRuleInputValue = z.input<typeof customRuleInput>;

export const builtInRuleInput = z.object({ enabled: z.boolean(), strategy: maskStrategy.optional() });

export const resourceMaskingInput = z.object({ mode: z.enum(MASKING_MODES) });

/** The live tester: sample text, optionally with a rule being edited (not saved yet). */
export const maskingTestInput = z.object({
  text: z.string().max(MASKING_SAMPLE_MAX_CHARS, SAMPLE_TOO_LONG),
  resourceId: z.uuid().optional(),
  draft: customRuleInput.partial({ name: true }).extend({ id: z.string().optional() }).optional(),
});

export type { BuiltInRuleView, CustomRuleView, MaskingTestResult } from '@/lib/masking/masking-views';

/** Response shapes, for the OpenAPI document (server/api/openapi.ts). */
export const builtInRuleView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  label: z.string(),
  enabled: z.boolean(),
  enabledByDefault: z.boolean(),
  strategy: maskStrategy,
});
export const customRuleView = z.object({
  id: z.uuid(),
  name: z.string(),
  pattern: z.string(),
  replacement: z.string().nullable(),
  label: z.string(),
  strategy: maskStrategy,
  caseInsensitive: z.boolean(),
  isEnabled: z.boolean(),
  resourceIds: z.array(z.uuid()).nullable(),
  updatedAt: z.string(),
});
export const maskingRulesView = z.object({ builtIns: z.array(builtInRuleView), custom: z.array(customRuleView) });
export const maskingTestResultView = z.object({
  output: z.string(),
  masks: z.array(z.object({ rule: z.string(), ruleId: z.string(), offset: z.number().int(), length: z.number().int() })),
});
export const resourceMaskingView = resourceMaskingInput;
