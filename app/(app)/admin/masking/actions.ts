'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { FormState } from '@/components/ui/form-state';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';
import {
  createCustomRule,
  deleteCustomRule,
  setResourceMaskingMode,
  testMasking,
  updateBuiltInRule,
  updateCustomRule,
} from '@/server/masking/rules-store/masking-rules';
import { resourceMaskingInput } from '@/server/masking/rules-store/masking-schemas';
import type { MaskingTestResult } from '@/lib/masking/masking-views';

function failed(error: unknown): FormState {
  const appError = toAppError(error);
  return { ok: false, message: appError.userMessage, fields: appError.fields };
}

export async function updateBuiltInAction(ruleId: string, enabled: boolean, strategy?: 'label' | 'keep-last-4'): Promise<FormState> {
  const actor = await requirePageActor('admin');
  try {
    await updateBuiltInRule({ actor, ruleId, input: { enabled, strategy } });
  } catch (error) {
    return failed(error);
  }
  revalidatePath('/admin/masking');
  return { ok: true, message: 'Saved.' };
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

function customFromForm(form: FormData) {
  const scope = form.get('scope');
  return {
    name: text(form, 'name'),
    pattern: text(form, 'pattern'),
    replacement: text(form, 'replacement'),
    strategy: form.get('strategy') === 'keep-last-4' ? ('keep-last-4' as const) : ('label' as const),
    caseInsensitive: form.get('caseInsensitive') === 'on',
    isEnabled: form.get('isEnabled') === 'on',
    resourceIds: scope === 'chosen' ? form.getAll('resourceIds').map(String) : null,
  };
}

export async function saveCustomRuleAction(ruleId: string | null, _prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor('admin');
  const input = customFromForm(form);
  if (form.get('scope') === 'chosen' && input.resourceIds?.length === 0)
    return { ok: false, message: 'Choose at least one resource.', fields: { resourceIds: ['Choose at least one resource'] } };
  try {
    if (ruleId) await updateCustomRule({ actor, ruleId, input });
    else await createCustomRule({ actor, input });
  } catch (error) {
    return failed(error);
  }
  revalidatePath('/admin/masking');
  return { ok: true, message: ruleId ? 'Rule saved. New sessions use it.' : 'Rule added. New sessions use it.' };
}

export async function deleteCustomRuleAction(ruleId: string): Promise<FormState> {
  const actor = await requirePageActor('admin');
  try {
    await deleteCustomRule({ actor, ruleId });
  } catch (error) {
    return failed(error);
  }
  revalidatePath('/admin/masking');
  return { ok: true, message: 'Rule deleted.' };
}

const resourceModeInput = resourceMaskingInput.extend({ resourceId: z.uuid() });
export type ResourceMaskingMode = z.infer<typeof resourceModeInput>['mode'];

/** The per-resource masking mode; also offered on the resource's own admin page. */
export async function setResourceMaskingModeAction(resourceId: string, mode: ResourceMaskingMode): Promise<FormState> {
  const actor = await requirePageActor('admin');
  try {
    const input = resourceModeInput.parse({ resourceId, mode });
    await setResourceMaskingMode({ actor, resourceId: input.resourceId, input: { mode: input.mode } });
  } catch (error) {
    return failed(error);
  }
  revalidatePath('/admin/masking');
  revalidatePath(`/admin/resources/${resourceId}`);
  return {
    ok: true,
    message:
      mode === 'recording_only' ? 'Saved: only the recording is masked in new sessions.' : 'Saved: new sessions are masked on screen and in the recording.',
  };
}

export type TestState = { ok: true; result: MaskingTestResult } | { ok: false; message: string; fields?: Record<string, string[]> };

export async function testMaskingAction(
  text: string,
  draft?: { id?: string; name?: string; pattern?: string; replacement?: string; strategy?: 'label' | 'keep-last-4'; caseInsensitive?: boolean },
): Promise<TestState> {
  const actor = await requirePageActor('admin');
  try {
    return { ok: true, result: await testMasking({ actor, input: { text, draft: draft?.pattern ? { ...draft, pattern: draft.pattern } : undefined } }) };
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, message: appError.userMessage, fields: appError.fields };
  }
}
