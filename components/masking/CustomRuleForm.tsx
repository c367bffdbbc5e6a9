'use client';

import { useState } from 'react';
import { useFormAction } from '@/components/ui/use-form-action';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { inputClass, TextField } from '@/components/ui/Field';
import { Card } from '@/components/ui/PageHeader';
import type { FormState } from '@/components/ui/form-state';
import type { CustomRuleView } from '@/lib/masking/masking-views';
import type { MaskingActions } from './masking-actions';
import type { ResourceMaskingRow } from './ResourceMaskingModes';

export function CustomRuleForm({
  rule,
  resources,
  save,
  onDone,
}: {
  rule?: CustomRuleView;
  resources: ResourceMaskingRow[];
  save: MaskingActions['saveCustomRule'];
  onDone: () => void;
}) {
  const { state, alert, isPending, formProps } = useFormAction<NonNullable<FormState>>(async (prev, form) => {
    const result = await save(rule?.id ?? null, prev, form);
    if (result?.ok) onDone();
    return result;
  });
  return (
    <Card className="p-4">
      <form {...formProps} className="space-y-4" aria-label={rule ? `Edit ${rule.name}` : 'New masking rule'}>
        {alert && !state?.ok ? <Alert tone="error">{alert}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Name" name="name" defaultValue={rule?.name} required error={state?.fields?.name} />
          <TextField
            label="Replacement"
            name="replacement"
            defaultValue={rule?.replacement ?? ''}
            placeholder="[MASKED:<name>]"
            error={state?.fields?.replacement}
            hint="Leave empty for [MASKED:<name>]."
          />
        </div>
        <TextField
          label="Pattern"
          name="pattern"
          defaultValue={rule?.pattern}
          required
          className={`${inputClass} font-mono`}
          error={state?.fields?.pattern}
          hint="A regular expression (RE2: no lookarounds or back-references). A group named secret, (?<secret>…), masks only that part."
        />
        <div className="flex flex-wrap gap-6 text-sm">
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" name="caseInsensitive" defaultChecked={rule?.caseInsensitive} /> Ignore case
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" name="isEnabled" defaultChecked={rule?.isEnabled ?? true} /> Enabled
          </label>
          <label className="inline-flex items-center gap-2">
            Strategy
            <select name="strategy" defaultValue={rule?.strategy ?? 'label'} className={`${inputClass} w-auto`}>
              <option value="label">Replace with label</option>
              <option value="keep-last-4">Keep last 4</option>
            </select>
          </label>
        </div>
        <RuleScopeField rule={rule} resources={resources} error={state?.fields?.resourceIds?.[0]} />
        <div className="flex gap-2">
          <Button type="submit" disabled={isPending}>
            {rule ? 'Save rule' : 'Add rule'}
          </Button>
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** All resources, or the chosen ones (a checkbox each). */
function RuleScopeField({ rule, resources, error }: { rule?: CustomRuleView; resources: ResourceMaskingRow[]; error?: string }) {
  const [scope, setScope] = useState<'all' | 'chosen'>(rule?.resourceIds ? 'chosen' : 'all');
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Applies to</legend>
      <div className="flex gap-6 text-sm">
        <label className="inline-flex items-center gap-2">
          <input type="radio" name="scope" value="all" checked={scope === 'all'} onChange={() => setScope('all')} /> All resources
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="radio" name="scope" value="chosen" checked={scope === 'chosen'} onChange={() => setScope('chosen')} /> Chosen resources
        </label>
      </div>
      {scope === 'chosen' ? (
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {resources.map((r) => (
            <label key={r.id} className="inline-flex items-center gap-2">
              <input type="checkbox" name="resourceIds" value={r.id} defaultChecked={rule?.resourceIds?.includes(r.id)} /> {r.name}
            </label>
          ))}
          {error ? (
            <p role="alert" className="w-full text-xs text-red-600 dark:text-red-400">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
