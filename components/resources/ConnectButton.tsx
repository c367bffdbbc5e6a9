'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Button, type ButtonVariant } from '../ui/Button';

/**
 * Starts a terminal session on an SSH resource (POST /api/v1/sessions) and opens its
 * terminal page. The page fetches its own socket ticket, so the one returned here goes unused.
 */
export function ConnectButton({ resourceId, label = 'Connect', variant = 'primary' }: { resourceId: string; label?: string; variant?: ButtonVariant }) {
  const router = useRouter();
  const errorId = useId();
  const [error, setError] = useState<string>();
  const [isPending, setPending] = useState(false);

  async function connect() {
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
      router.push(`/terminal/${body.id}`);
    } catch {
      setError('Could not reach Porthole. Check your connection and try again.');
      setPending(false);
    }
  }

  return (
    <div className="space-y-2">
      <Button variant={variant} onClick={() => void connect()} disabled={isPending} aria-describedby={error ? errorId : undefined}>
        <TerminalGlyph />
        {isPending ? 'Connecting…' : label}
      </Button>
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function TerminalGlyph() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <path d="M3 4.5 6.5 8 3 11.5M8.5 11.5H13" />
    </svg>
  );
}
