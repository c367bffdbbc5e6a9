'use client';

import { useEffect } from 'react';
import { useFormAction } from '@/components/ui/use-form-action';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { TextAreaField, TextField } from '../ui/Field';
import type { FormState } from '../ui/form-state';

/** Share this recording (or a range of it) with one reviewer, by e-mail, for some days. */
export function ShareForm({
  action,
  maxDays,
  defaultDays,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  maxDays: number;
  defaultDays: number;
}) {
  const { state, alert, isPending, formRef, formProps } = useFormAction(action);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state, formRef]);
  return (
    <form {...formProps} aria-label="Share this recording" className="space-y-3">
      {alert ? <Alert tone={state?.ok ? 'success' : 'error'}>{alert}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
        <TextField label="Reviewer’s e-mail" name="reviewerEmail" type="email" required autoComplete="off" error={state?.fields?.reviewerEmail} />
        <TextField
          label="For (days)"
          name="expiresInDays"
          type="number"
          min={1}
          max={maxDays}
          defaultValue={defaultDays}
          error={state?.fields?.expiresInDays}
          hint={`1–${maxDays}`}
        />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <TextField label="From (optional)" name="rangeStart" placeholder="0:00" error={state?.fields?.rangeStart} hint="m:ss; empty: the start" />
        <TextField label="To (optional)" name="rangeEnd" placeholder="end" error={state?.fields?.rangeEnd} hint="m:ss; empty: the end" />
      </div>
      <TextAreaField label="Message (optional)" name="message" rows={2} maxLength={1000} error={state?.fields?.message} />
      <Button type="submit" variant="secondary" disabled={isPending}>
        {isPending ? 'Sharing…' : 'Share'}
      </Button>
    </form>
  );
}
