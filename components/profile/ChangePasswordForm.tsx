'use client';

import { signOut } from 'next-auth/react';
import { useEffect } from 'react';
import { useFormAction } from '@/components/ui/use-form-action';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import type { FormState } from '../ui/form-state';

const SIGNED_OUT_NOTICE = 'Password changed. Sign in with your new password.';

export function ChangePasswordForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const { state, alert, isPending, formProps } = useFormAction(action);

  useEffect(() => {
    // The server already ended this session (session version); clear the cookie and say why.
    if (state?.ok) void signOut({ callbackUrl: `/login?notice=${encodeURIComponent(SIGNED_OUT_NOTICE)}` });
  }, [state]);

  return (
    <form {...formProps} className="max-w-sm space-y-4">
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={state?.fields?.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters, not a common or easy-to-guess password. You will be signed out everywhere, and your API tokens are revoked."
        error={state?.fields?.newPassword}
      />
      {alert ? <Alert tone={state?.ok ? 'success' : 'error'}>{alert}</Alert> : null}
      <Button type="submit" disabled={isPending || state?.ok}>
        Change password
      </Button>
    </form>
  );
}
