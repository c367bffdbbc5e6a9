'use server';

import { revalidatePath } from 'next/cache';
import type { FormState } from '@/components/ui/form-state';
import { formText } from '@/lib/form-data';
import { RISK_CLASSES } from '@/lib/sql/risk-classes';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';
import { updateSqlSettings, type SqlSettingsInput } from '@/server/sql/update-sql-settings';

const text = (value: FormDataEntryValue) => (typeof value === 'string' ? value : '');

export async function updateSqlSettingsAction(resourceId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor('admin');
  const patterns = form.getAll('maskPattern').map(text);
  const strategies = form.getAll('maskStrategy').map(text);
  const input = {
    policy: Object.fromEntries(RISK_CLASSES.map((riskClass) => [riskClass, formText(form, `policy.${riskClass}`)])),
    readOnly: formText(form, 'readOnly'),
    statementTimeoutSeconds: form.get('statementTimeoutSeconds'),
    rowCap: form.get('rowCap'),
    recordedRows: form.get('recordedRows'),
    columnMasks: patterns.flatMap((pattern, i) => (pattern.trim() ? [{ pattern, strategy: strategies[i] ?? 'full' }] : [])),
  } as unknown as SqlSettingsInput;
  try {
    await updateSqlSettings({ actor, resourceId, input });
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, message: appError.userMessage, fields: appError.fields };
  }
  revalidatePath(`/admin/resources/${resourceId}`);
  return { ok: true, message: 'SQL settings saved. New console sessions use them.' };
}
