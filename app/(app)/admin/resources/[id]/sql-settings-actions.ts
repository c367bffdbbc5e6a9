'use server';

import { z } from 'zod';
import { formText } from '@/lib/form-data';
import { RISK_CLASSES } from '@/lib/sql/risk-classes';
import { actionArg, defineAction } from '@/server/api/define-action';
import { updateSqlSettings, type SqlSettingsInput } from '@/server/sql/update-sql-settings';

const text = (value: FormDataEntryValue) => (typeof value === 'string' ? value : '');

function settingsFromForm(form: FormData): SqlSettingsInput {
  const patterns = form.getAll('maskPattern').map(text);
  const strategies = form.getAll('maskStrategy').map(text);
  return {
    policy: Object.fromEntries(RISK_CLASSES.map((riskClass) => [riskClass, formText(form, `policy.${riskClass}`)])),
    readOnly: formText(form, 'readOnly'),
    statementTimeoutSeconds: form.get('statementTimeoutSeconds'),
    rowCap: form.get('rowCap'),
    recordedRows: form.get('recordedRows'),
    columnMasks: patterns.flatMap((pattern, i) => (pattern.trim() ? [{ pattern, strategy: strategies[i] ?? 'full' }] : [])),
  } as unknown as SqlSettingsInput;
}

export const updateSqlSettingsAction = defineAction({
  roles: ['admin'],
  input: z.tuple([actionArg.id, actionArg.previous, actionArg.form]),
  run: async ({ actor, input: [resourceId, , form] }) => {
    await updateSqlSettings({ actor, resourceId, input: settingsFromForm(form) });
    return { ok: true, message: 'SQL settings saved. New console sessions use them.' };
  },
  revalidate: ([resourceId]) => [`/admin/resources/${resourceId}`],
});
