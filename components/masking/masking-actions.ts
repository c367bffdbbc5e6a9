import type { FormState } from '@/components/ui/form-state';
import type { MaskingTestResult } from '@/lib/masking/masking-views';
import type { ResourceMaskingMode } from './masking-modes';

export type MaskStrategy = 'label' | 'keep-last-4';

export type TestState = { ok: true; result: MaskingTestResult } | { ok: false; message: string; fields?: Record<string, string[]> };

/** A rule being edited, not saved yet, to try on the sample text. */
export type MaskingDraft = { id?: string; name?: string; pattern?: string; replacement?: string; strategy?: MaskStrategy; caseInsensitive?: boolean };

export type SetResourceMaskingMode = (resourceId: string, mode: ResourceMaskingMode) => Promise<FormState>;

/** The masking page's server actions, handed in by the page (components do not import app/). */
export type MaskingActions = {
  updateBuiltIn: (ruleId: string, enabled: boolean, strategy?: MaskStrategy) => Promise<FormState>;
  saveCustomRule: (ruleId: string | null, previous: FormState, form: FormData) => Promise<FormState>;
  deleteCustomRule: (ruleId: string) => Promise<FormState>;
  setResourceMode: SetResourceMaskingMode;
  test: (text: string, draft?: MaskingDraft) => Promise<TestState>;
};
