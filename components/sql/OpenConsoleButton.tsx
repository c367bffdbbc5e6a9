'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Button, type ButtonVariant } from '../ui/Button';

/**
 * Starts a SQL console session on a database resource (POST /api/v1/sessions) and opens its
 * page, which fetches its own socket ticket.
 */
export function OpenConsoleButton({ resourceId, label = 'Open console', variant = 'primary' }: { resourceId: string; label?: string; variant?: ButtonVariant }) {
  const router = useRouter();
  const errorId = useId();
  const [error, setError] = useState<string>();
  const [isPending, setPending] = useState(false);

  async function open() {
    setPending(true);
    setError(undefined);
    try {
      const response = await fetch('/api/v1/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ resourceId }),
        credentials: 'same-origin',
      });
      const body = (await response.json().catch(() => undefined)) as { id?: unknown; error?: { message?: unknown } } | undefined;
      if (!response.ok || typeof body?.id !== 'string') {
        setError(typeof body?.error?.message === 'string' ? body.error.message : `Could not start a session (HTTP ${response.status}).`);
        setPending(false);
        return;
      }
      router.push(`/sql/${body.id}`);
    } catch {
      setError('Could not reach Porthole. Check your connection and try again.');
      setPending(false);
    }
  }

  return (
    <div className="space-y-2">
      <Button variant={variant} onClick={() => void open()} disabled={isPending} aria-describedby={error ? errorId : undefined}>
        <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5">
          <ellipse cx="8" cy="3.5" rx="5" ry="2" />
          <path d="M3 3.5v9c0 1.1 2.2 2 5 2s5-.9 5-2v-9M3 8c0 1.1 2.2 2 5 2s5-.9 5-2" />
        </svg>
        {isPending ? 'Opening…' : label}
      </Button>
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
