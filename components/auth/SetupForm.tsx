'use client';

import Link from 'next/link';
import { useFormAction } from '@/components/ui/use-form-action';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import type { FormState } from '../ui/form-state';

export function SetupForm({ token, action }: { token: string; action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const { state, alert, isPending, formProps } = useFormAction(action);
  if (state?.ok) {
    return (
      <div className="space-y-3">
        <Alert tone="success">{state.message}</Alert>
        <Link href="/login" className="text-sm text-indigo-600 underline dark:text-indigo-400">
          Go to sign in
        </Link>
      </div>
    );
  }
  return (
    <form {...formProps} className="space-y-3">
      {alert ? <Alert tone="error">{alert}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <TextField label="Name" name="name" required error={state?.fields?.name} />
      <TextField label="E-mail" name="email" type="email" required error={state?.fields?.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters, not a common or easy-to-guess password."
        error={state?.fields?.password}
      />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? 'Creating…' : 'Create admin account'}
      </Button>
    </form>
  );
}
