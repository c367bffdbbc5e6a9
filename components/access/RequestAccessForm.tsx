'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { SelectField, TextAreaField, TextField } from '../ui/Field';
import type { FormState } from '../ui/form-state';
import { durationChoices, formatMinutes } from './format';

/** Duration (up to the policy maximum; longer than `longerThanMinutes` when asking for more time), reason and an optional ticket link. */
export function RequestAccessForm({
  maxDurationMinutes,
  longerThanMinutes = 0,
  isReasonRequired,
  action,
  submitLabel = 'Request access',
}: {
  maxDurationMinutes: number;
  longerThanMinutes?: number;
  isReasonRequired: boolean;
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  submitLabel?: string;
}) {
  const { state, alert, isPending, formProps } = useFormAction(action);
  const choices = durationChoices(maxDurationMinutes).filter((minutes) => minutes > longerThanMinutes);
  const preferred = choices.includes(60) ? 60 : (choices[choices.length - 1] ?? maxDurationMinutes);

  return (
    <form {...formProps} className="space-y-3" aria-label={submitLabel}>
      {alert && !state?.ok ? <Alert tone="error">{alert}</Alert> : null}
      <SelectField
        label="Duration"
        name="durationMinutes"
        defaultValue={String(preferred)}
        error={state?.fields?.durationMinutes}
        hint={`At most ${formatMinutes(maxDurationMinutes)}.`}
      >
        {choices.map((minutes) => (
          <option key={minutes} value={minutes}>
            {formatMinutes(minutes)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={isReasonRequired ? 'Reason' : 'Reason (optional)'}
        name="reason"
        rows={3}
        maxLength={1000}
        required={isReasonRequired}
        placeholder="What you need to do, e.g. investigate INC-1234"
        error={state?.fields?.reason}
      />
      <TextField label="Ticket link (optional)" name="ticketUrl" type="url" placeholder="https://…" error={state?.fields?.ticketUrl} />
      <Button type="submit" disabled={isPending}>
        {isPending ? 'Sending…' : submitLabel}
      </Button>
    </form>
  );
}
