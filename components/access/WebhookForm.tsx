'use client';

import { useEffect } from 'react';
import { CheckboxGroup } from '@/components/ui/CheckboxGroup';
import { useFormAction } from '@/components/ui/use-form-action';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { CopyButton } from '../ui/CopyButton';
import { TextField } from '../ui/Field';
import type { FormState } from '../ui/form-state';

type SecretState = (FormState & { secret?: string }) | undefined;

export const WEBHOOK_EVENT_OPTIONS = [
  { value: 'request.created', label: 'Request created' },
  { value: 'request.approved', label: 'Request approved' },
  { value: 'request.denied', label: 'Request denied' },
  { value: 'request.cancelled', label: 'Request cancelled' },
  { value: 'request.revoked', label: 'Access revoked' },
  { value: 'request.expired', label: 'Request or access expired' },
] as const;

/**
 * Name, URL (a Slack incoming webhook works as is) and events; the signing secret is shown once.
 * `isPlainHttpAllowed`: PORTHOLE_WEBHOOK_ALLOW_PRIVATE is on, so http:// to this machine is taken.
 */
export function WebhookForm({
  action,
  isPlainHttpAllowed = false,
}: {
  action: (prev: SecretState, form: FormData) => Promise<SecretState>;
  isPlainHttpAllowed?: boolean;
}) {
  const { state, alert, isPending, formRef, formProps } = useFormAction(action);
  // Added: clear the form for the next one (its secret stays shown above).
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state, formRef]);
  return (
    <form {...formProps} aria-label="Add a webhook" className="space-y-3">
      {alert ? <Alert tone={state?.ok ? 'success' : 'error'}>{alert}</Alert> : null}
      {state?.secret ? <SecretBox secret={state.secret} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Name" name="name" required placeholder="#ops-access" error={state?.fields?.name} />
        <TextField
          label="URL"
          name="url"
          type="url"
          required
          placeholder="https://hooks.slack.com/services/…"
          hint={
            isPlainHttpAllowed
              ? 'https://, or http:// to this machine for a test receiver (private targets are allowed here).'
              : 'An https:// URL on the public internet.'
          }
          error={state?.fields?.url}
        />
      </div>
      <CheckboxGroup
        legend="Events"
        name="events"
        options={WEBHOOK_EVENT_OPTIONS}
        defaultValues={WEBHOOK_EVENT_OPTIONS.map((o) => o.value)}
        isInline
        error={state?.fields?.events}
      />
      <Button type="submit" disabled={isPending}>
        {isPending ? 'Adding…' : 'Add webhook'}
      </Button>
    </form>
  );
}

export function SecretBox({ secret }: { secret: string }) {
  return (
    <div className="rounded-md border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-700 dark:bg-zinc-950">
      <p className="mb-1 text-xs text-zinc-500 dark:text-zinc-400">
        Verify <code>X-Porthole-Signature: sha256=HMAC-SHA256(secret, raw body)</code>
      </p>
      <div className="flex items-start gap-2">
        <code aria-label="Signing secret" className="block min-w-0 flex-1 font-mono text-sm break-all select-all">
          {secret}
        </code>
        <CopyButton text={secret} />
      </div>
      <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">Copy it now: it is not shown again.</p>
    </div>
  );
}
