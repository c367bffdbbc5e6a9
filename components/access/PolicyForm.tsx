'use client';

import { CheckboxGroup } from '@/components/ui/CheckboxGroup';
import { useFormAction } from '@/components/ui/use-form-action';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { SelectField, TextField, inputClass } from '../ui/Field';
import type { FormState } from '../ui/form-state';
import { formatMinutes } from './format';
import { formatCount } from '@/lib/format/count';

export type PolicyFormValues = {
  approverRoles: string[];
  approverUserIds: string[];
  approvalsRequired: number;
  maxDurationMinutes: number;
  isReasonRequired: boolean;
  allowSelfApproval: boolean;
};

const ROLE_OPTIONS = [
  { value: 'approver', label: 'Approvers' },
  { value: 'admin', label: 'Admins' },
  { value: 'auditor', label: 'Auditors' },
] as const;

/** Who approves requests for a resource, how many approvals it takes, and for how long. */
export function PolicyForm({
  initial,
  people,
  isApprovalMode,
  action,
}: {
  initial: PolicyFormValues;
  people: { id: string; name: string; email: string }[];
  isApprovalMode: boolean;
  action: (prev: FormState, form: FormData) => Promise<FormState>;
}) {
  const { state, alert, isPending, formProps } = useFormAction(action);
  return (
    <section aria-labelledby="policy-heading" className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="policy-heading" className="text-sm font-semibold">
        Access policy
      </h2>
      <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-300">
        {isApprovalMode
          ? 'Engineers request time-boxed access; these people decide.'
          : 'Applies when the access mode is “Approval”. The resource is open now, so nobody needs to request it.'}
      </p>
      <form {...formProps} aria-label="Access policy" className="space-y-4">
        {alert ? <Alert tone={state?.ok ? 'success' : 'error'}>{alert}</Alert> : null}
        <CheckboxGroup
          legend="Approver roles"
          name="approverRoles"
          options={ROLE_OPTIONS}
          defaultValues={initial.approverRoles}
          isInline
          error={state?.fields?.approverRoles}
        />
        <NamedApprovers people={people} defaultValue={initial.approverUserIds} />
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            label="Approvals required"
            name="approvalsRequired"
            defaultValue={String(initial.approvalsRequired)}
            error={state?.fields?.approvalsRequired}
          >
            {[1, 2, 3].map((n) => (
              <option key={n} value={n}>
                {formatCount(n, 'distinct approver')}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Maximum duration (minutes)"
            name="maxDurationMinutes"
            type="number"
            min={1}
            max={10080}
            defaultValue={initial.maxDurationMinutes}
            hint={`Now ${formatMinutes(initial.maxDurationMinutes)}; at most one week.`}
            error={state?.fields?.maxDurationMinutes}
          />
        </div>
        <div className="space-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="isReasonRequired" defaultChecked={initial.isReasonRequired} className="h-4 w-4 accent-indigo-600" />
            Require a reason
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="allowSelfApproval" defaultChecked={initial.allowSelfApproval} className="h-4 w-4 accent-indigo-600" />
            Let an approver’s approval of their own request count
          </label>
        </div>
        <Button type="submit" disabled={isPending}>
          {isPending ? 'Saving…' : 'Save policy'}
        </Button>
      </form>
    </section>
  );
}

/** Approvers chosen by name, whatever their roles. */
function NamedApprovers({ people, defaultValue }: { people: { id: string; name: string; email: string }[]; defaultValue: string[] }) {
  return (
    <div className="space-y-1">
      <label htmlFor="policy-approver-users" className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
        Named approvers
      </label>
      <select id="policy-approver-users" name="approverUserIds" multiple defaultValue={defaultValue} className={`${inputClass} h-28`}>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name} ({person.email})
          </option>
        ))}
      </select>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">Whatever their roles. Ctrl/⌘-click to choose several.</p>
    </div>
  );
}
