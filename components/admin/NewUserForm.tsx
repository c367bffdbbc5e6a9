'use client';

import Link from 'next/link';
import { Alert } from '../ui/Alert';
import { Button, buttonClass } from '../ui/Button';
import { TextField } from '../ui/Field';
import type { FormState } from '../ui/form-state';
import { CheckboxGroup } from '@/components/ui/CheckboxGroup';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from './roles';
import { useFormAction } from '@/components/ui/use-form-action';

const EXTRA_ROLES = (['approver', 'auditor', 'admin'] as const).map((role) => ({
  value: role,
  label: ROLE_LABELS[role],
  description: ROLE_DESCRIPTIONS[role],
}));

export function NewUserForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const { state, alert, isPending, formProps } = useFormAction(action);
  return (
    <form {...formProps} className="space-y-4">
      <TextField label="Name" name="name" autoComplete="off" required error={state?.fields?.name} />
      <TextField label="E-mail" name="email" type="email" autoComplete="off" required error={state?.fields?.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters, not a common or easy-to-guess password. They can change it in their profile."
        error={state?.fields?.password}
      />
      <CheckboxGroup
        legend="Roles"
        name="roles"
        options={EXTRA_ROLES}
        hint="Everyone is an engineer: they can browse the catalogue, connect and request access. Add roles for more."
        error={state?.fields?.roles}
      />
      {alert ? <Alert tone={state?.ok ? 'success' : 'error'}>{alert}</Alert> : null}
      <div className="flex items-center gap-2 pt-1">
        <Button type="submit" disabled={isPending}>
          Create user
        </Button>
        <Link href="/admin/users" className={buttonClass('ghost')}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
