'use client';

import { useEffect, useState } from 'react';
import { useFormAction } from '@/components/ui/use-form-action';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { SelectField, TextField } from '../ui/Field';
import type { FormState } from '../ui/form-state';

type Option = { id: string; label: string };

/**
 * Places a legal hold. On a recording's page the target is fixed (`recordingId`); on the
 * holds page the auditor picks a user or a resource.
 */
export function PlaceHoldForm({
  action,
  recordingId,
  users = [],
  resources = [],
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  recordingId?: string;
  users?: Option[];
  resources?: Option[];
}) {
  const { state, alert, isPending, formRef, formProps } = useFormAction(action);
  const [scope, setScope] = useState<'user' | 'resource'>('user');
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state, formRef]);
  const targets = scope === 'user' ? users : resources;
  return (
    <form {...formProps} aria-label="Place a legal hold" className="space-y-3">
      {alert ? <Alert tone={state?.ok ? 'success' : 'error'}>{alert}</Alert> : null}
      {recordingId ? (
        <>
          <input type="hidden" name="scope" value="recording" />
          <input type="hidden" name="targetId" value={recordingId} />
        </>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            label="Hold every recording of"
            name="scope"
            value={scope}
            onChange={(event) => setScope(event.target.value === 'resource' ? 'resource' : 'user')}
            error={state?.fields?.scope}
          >
            <option value="user">a user</option>
            <option value="resource">a resource</option>
          </SelectField>
          <SelectField label={scope === 'user' ? 'User' : 'Resource'} name="targetId" required error={state?.fields?.targetId}>
            {targets.map((target) => (
              <option key={target.id} value={target.id}>
                {target.label}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      <TextField label="Reason" name="reason" required maxLength={500} placeholder="Incident 2026-114, litigation hold…" error={state?.fields?.reason} />
      <Button type="submit" variant={recordingId ? 'secondary' : 'primary'} disabled={isPending}>
        {isPending ? 'Placing…' : 'Place legal hold'}
      </Button>
    </form>
  );
}
