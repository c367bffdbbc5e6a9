'use server';

import { z } from 'zod';
import type { MaskingTestResult } from '@/lib/masking/masking-views';
import { formText } from '@/lib/form-data';
import { actionArg, defineAction } from '@/server/api/define-action';
import { AppError } from '@/server/errors/app-error';
import {
  createCustomRule,
  deleteCustomRule,
  setResourceMaskingMode,
  testMasking,
  updateBuiltInRule,
  updateCustomRule,
} from '@/server/masking/rules-store/masking-rules';
import { resourceMaskingInput } from '@/server/masking/rules-store/masking-schemas';

const MASKING_PAGE = ['/admin/masking'];
const strategy = z.enum(['label', 'keep-last-4']);

export const updateBuiltInAction = defineAction({
  roles: ['admin'],
  // Built-in rules are named (`email`, `aws-key`, ...), not numbered.
  input: z.tuple([z.string(), z.boolean(), strategy.optional()]),
  run: async ({ actor, input: [ruleId, enabled, strategy] }) => {
    await updateBuiltInRule({ actor, ruleId, input: { enabled, strategy } });
    return { ok: true, message: 'Saved.' };
  },
  revalidate: MASKING_PAGE,
});

function customFromForm(form: FormData) {
  const scope = form.get('scope');
  const resourceIds = scope === 'chosen' ? form.getAll('resourceIds').map(String) : null;
  if (resourceIds?.length === 0)
    throw new AppError('VALIDATION', { userMessage: 'Choose at least one resource.', fields: { resourceIds: ['Choose at least one resource'] } });
  return {
    name: formText(form, 'name'),
    pattern: formText(form, 'pattern'),
    replacement: formText(form, 'replacement'),
    strategy: form.get('strategy') === 'keep-last-4' ? ('keep-last-4' as const) : ('label' as const),
    caseInsensitive: form.get('caseInsensitive') === 'on',
    isEnabled: form.get('isEnabled') === 'on',
    resourceIds,
  };
}

export const saveCustomRuleAction = defineAction({
  roles: ['admin'],
  input: z.tuple([actionArg.id.nullable(), actionArg.previous, actionArg.form]),
  run: async ({ actor, input: [ruleId, , form] }) => {
    const input = customFromForm(form);
    if (ruleId) await updateCustomRule({ actor, ruleId, input });
    else await createCustomRule({ actor, input });
    return { ok: true, message: ruleId ? 'Rule saved. New sessions use it.' : 'Rule added. New sessions use it.' };
  },
  revalidate: MASKING_PAGE,
});

export const deleteCustomRuleAction = defineAction({
  roles: ['admin'],
  input: z.tuple([actionArg.id]),
  run: async ({ actor, input: [ruleId] }) => {
    await deleteCustomRule({ actor, ruleId });
    return { ok: true, message: 'Rule deleted.' };
  },
  revalidate: MASKING_PAGE,
});

/** The per-resource masking mode; also offered on the resource's own admin page. */
export const setResourceMaskingModeAction = defineAction({
  roles: ['admin'],
  input: z.tuple([actionArg.id, resourceMaskingInput.shape.mode]),
  run: async ({ actor, input: [resourceId, mode] }) => {
    await setResourceMaskingMode({ actor, resourceId, input: { mode } });
    return {
      ok: true,
      message:
        mode === 'recording_only' ? 'Saved: only the recording is masked in new sessions.' : 'Saved: new sessions are masked on screen and in the recording.',
    };
  },
  revalidate: ([resourceId]) => [...MASKING_PAGE, `/admin/resources/${resourceId}`],
});

/** A rule being edited, not saved yet, to try on the sample text. */
const draft = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  pattern: z.string().optional(),
  replacement: z.string().optional(),
  strategy: strategy.optional(),
  caseInsensitive: z.boolean().optional(),
});

export const testMaskingAction = defineAction({
  roles: ['admin'],
  input: z.tuple([z.string(), draft.optional()]),
  run: async ({ actor, input: [text, draft] }): Promise<{ ok: true; result: MaskingTestResult }> => ({
    ok: true,
    result: await testMasking({ actor, input: { text, draft: draft?.pattern ? { ...draft, pattern: draft.pattern } : undefined } }),
  }),
});
