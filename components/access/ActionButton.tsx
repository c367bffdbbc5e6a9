'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button, type ButtonVariant } from '../ui/Button';
import type { FormState } from '../ui/form-state';

/** A one-click server action (cancel a request); the server's message shows on failure. */
export function ActionButton({
  label,
  pendingLabel,
  variant = 'secondary',
  action,
}: {
  label: string;
  pendingLabel: string;
  variant?: ButtonVariant;
  action: () => Promise<FormState>;
}) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [isPending, startTransition] = useTransition();
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        variant={variant}
        disabled={isPending}
        onClick={() =>
          startTransition(async () => {
            const result = await action();
            if (result && !result.ok) setError(result.message);
            else router.refresh();
          })
        }
      >
        {isPending ? pendingLabel : label}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </span>
  );
}
