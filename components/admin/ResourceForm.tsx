'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Alert } from '../ui/Alert';
import { Button, buttonClass } from '../ui/Button';
import { SelectField, TextField, inputClass } from '../ui/Field';
import type { FormState } from '../ui/form-state';
import { FormSection as Section } from './FormSection';
import { DEFAULT_PORTS, type ResourceFormValues, type ResourceType } from './resource-form-values';
import { ResourceConnectionFields } from './ResourceConnectionFields';
import { ResourceCredentialFields } from './ResourceCredentialFields';
import { ResourcePolicyFields } from './ResourcePolicyFields';
import { KubernetesResourceFields } from '../kubernetes/KubernetesResourceFields';
import { HttpResourceFields } from './HttpResourceFields';
import { useFormAction } from '@/components/ui/use-form-action';

type ResourceFormProps = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  initial?: ResourceFormValues;
  /** The installation's idle limit in minutes (0: none), for the field that overrides it. */
  defaultIdleMinutes: number;
};

/**
 * Create and edit form for a resource. On edit the credential fields start empty: stored
 * secrets never reach the browser, and an empty field keeps what is stored.
 */
export function ResourceForm({ action, initial, defaultIdleMinutes }: ResourceFormProps) {
  const isEdit = initial !== undefined;
  const { state, alert, isPending, formProps } = useFormAction(action);
  const [type, setType] = useState<ResourceType>(initial?.type ?? 'ssh');
  const [port, setPort] = useState(String(initial?.port ?? DEFAULT_PORTS.ssh));
  // Errors belong to the type that was submitted; switching type hides them.
  const [errorsType, setErrorsType] = useState(type);
  const isCurrent = errorsType === type;
  const fields = isCurrent ? state?.fields : undefined;
  const isSsh = type === 'ssh';

  function changeType(next: ResourceType) {
    // Follow the type's default port unless the admin typed another one.
    if (port.trim() === '' || port === String(DEFAULT_PORTS[type])) setPort(String(DEFAULT_PORTS[next]));
    setType(next);
  }

  return (
    <form {...formProps} onSubmitCapture={() => setErrorsType(type)} className="space-y-4">
      <Section title="Resource">
        <SelectField
          label="Type"
          name="type"
          value={type}
          onChange={(event) => changeType(event.target.value as ResourceType)}
          disabled={isEdit}
          className={`${inputClass} disabled:cursor-not-allowed disabled:bg-zinc-100 disabled:text-zinc-500 dark:disabled:bg-zinc-800/60 dark:disabled:text-zinc-400`}
          hint={isEdit ? 'The type of a resource cannot change. Add a new resource instead.' : undefined}
          error={fields?.type}
        >
          <option value="ssh">SSH</option>
          <option value="postgres">PostgreSQL</option>
          <option value="mysql">MySQL</option>
          <option value="kubernetes">Kubernetes</option>
          <option value="http">HTTP API</option>
        </SelectField>
        <TextField label="Name" name="name" defaultValue={initial?.name} autoComplete="off" required placeholder="billing-db-prod" error={fields?.name} />
        <TextField
          label="Description"
          name="description"
          defaultValue={initial?.description}
          autoComplete="off"
          placeholder="What it is and who uses it"
          error={fields?.description}
        />
        <TextField
          label="Tags"
          name="tags"
          defaultValue={initial?.tags.join(' ')}
          autoComplete="off"
          placeholder="env=prod team-a"
          hint={'Separate with spaces or commas, e.g. "env=prod team-a".'}
          error={fields?.tags}
        />
      </Section>

      {type === 'kubernetes' ? (
        <KubernetesResourceFields initial={initial} fields={fields} />
      ) : type === 'http' ? (
        <HttpResourceFields initial={initial} fields={fields} />
      ) : (
        <>
          <ResourceConnectionFields initial={initial} isSsh={isSsh} port={port} onPortChange={setPort} fields={fields} />
          <ResourceCredentialFields initial={initial} isSsh={isSsh} fields={fields} />
        </>
      )}

      <ResourcePolicyFields initial={initial} fields={fields} defaultIdleMinutes={defaultIdleMinutes} />

      {alert && (state?.ok || isCurrent) ? <Alert tone={state?.ok ? 'success' : 'error'}>{alert}</Alert> : null}
      <div className="flex items-center gap-2">
        <Button type="submit" disabled={isPending}>
          {isEdit ? 'Save changes' : 'Create resource'}
        </Button>
        <Link href="/admin/resources" className={buttonClass('ghost')}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
