'use client';

import { useState, useTransition } from 'react';
import { Button } from '../ui/Button';
import type { FormState } from '../ui/form-state';
import { SecretBox } from './WebhookForm';

/** Replaces a webhook's signing secret and shows the new one once. */
export function RotateSecretButton({ action }: { action: () => Promise<(FormState & { secret?: string }) | undefined> }) {
  const [secret, setSecret] = useState<string>();
  const [error, setError] = useState<string>();
  const [isPending, startTransition] = useTransition();
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        variant="ghost"
        disabled={isPending}
        onClick={() =>
          startTransition(async () => {
            const result = await action();
            if (result?.ok && result.secret) setSecret(result.secret);
            else setError(result?.message ?? 'Something went wrong.');
          })
        }
      >
        Rotate secret
      </Button>
      {secret ? <SecretBox secret={secret} /> : null}
      {error ? (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </span>
  );
}
