'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import type { FormState } from '../ui/form-state';

/** The installation's default retention and whether owners may delete their own recordings. */
export function RetentionSettingsForm({
  action,
  defaultDays,
  ownersMayDelete,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  defaultDays: number;
  ownersMayDelete: boolean;
}) {
  const { state, alert, isPending, formProps } = useFormAction(action);
  return (
    <form {...formProps} aria-label="Retention settings" className="space-y-3">
      {alert ? <Alert tone={state?.ok ? 'success' : 'error'}>{alert}</Alert> : null}
      <div className="max-w-xs">
        <TextField
          label="Keep recordings for (days)"
          name="defaultDays"
          type="number"
          min={0}
          inputMode="numeric"
          defaultValue={defaultDays}
          hint="After a session ends. 0 keeps them forever. A resource can set its own."
          error={state?.fields?.defaultDays}
        />
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="ownersMayDelete" defaultChecked={ownersMayDelete} className="mt-0.5" />
        <span>
          Engineers may delete their own recordings
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">Never one under a legal hold. Every deletion is audited.</span>
        </span>
      </label>
      <Button type="submit" disabled={isPending}>
        {isPending ? 'Saving…' : 'Save retention'}
      </Button>
    </form>
  );
}
