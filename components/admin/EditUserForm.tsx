'use client';

import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import type { FormState } from '../ui/form-state';
import { CheckboxGroup } from '@/components/ui/CheckboxGroup';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from './roles';
import { useFormAction } from '@/components/ui/use-form-action';

const EXTRA_ROLES = (['approver', 'auditor', 'admin'] as const).map((role) => ({
  value: role,
  label: ROLE_LABELS[role],
  description: ROLE_DESCRIPTIONS[role],
}));

export function EditUserForm({
  action,
  name,
  roles,
  notes,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  name: string;
  roles: readonly Role[];
  notes: (string | null)[];
}) {
  const { state, alert, isPending, formProps } = useFormAction(action);
  const shownNotes = notes.filter((note): note is string => Boolean(note));
  return (
    <form {...formProps} className="space-y-4">
      <TextField label="Name" name="name" defaultValue={name} autoComplete="off" required error={state?.fields?.name} />
      <CheckboxGroup
        legend="Roles"
        name="roles"
        options={EXTRA_ROLES}
        defaultValues={roles}
        hint="Everyone is an engineer. Changing roles signs the user out everywhere."
        error={state?.fields?.roles}
      />
      {shownNotes.map((note) => (
        <p key={note} className="text-xs text-zinc-500 dark:text-zinc-400">
          {note}
        </p>
      ))}
      {alert ? <Alert tone={state?.ok ? 'success' : 'error'}>{alert}</Alert> : null}
      <Button type="submit" disabled={isPending}>
        Save changes
      </Button>
    </form>
  );
}
