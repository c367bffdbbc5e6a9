'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import type { FormState } from '../ui/form-state';

/** Lifting needs a reason too: it is what the audit log will say. */
export function LiftHoldForm({ action, label }: { action: (prev: FormState, form: FormData) => Promise<FormState>; label: string }) {
  const { state, alert, isPending, formProps } = useFormAction(action);
  return (
    <form {...formProps} aria-label={`Lift the hold on ${label}`} className="flex flex-wrap items-end gap-2">
      {alert ? <Alert tone={state?.ok ? 'success' : 'error'}>{alert}</Alert> : null}
      <div className="min-w-48 flex-1">
        <TextField label="Reason to lift" name="reason" required maxLength={500} error={state?.fields?.reason} />
      </div>
      <Button type="submit" variant="secondary" disabled={isPending}>
        {isPending ? 'Lifting…' : 'Lift hold'}
      </Button>
    </form>
  );
}
