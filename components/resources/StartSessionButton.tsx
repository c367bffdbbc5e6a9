'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type ReactNode } from 'react';
import { Button, type ButtonVariant } from '../ui/Button';

export type StartSessionButtonProps = {
  resourceId: string;
  /** Where the new session opens: the terminal, the SQL console or the HTTP console page. */
  pagePrefix: '/terminal' | '/sql' | '/http';
  label: string;
  pendingLabel: string;
  icon: ReactNode;
  variant?: ButtonVariant;
  /** Appended to the new session's page, e.g. `?snippet=<id>` to offer a saved snippet there. */
  query?: string;
  /** The pod a Kubernetes session opens (chosen in the pod picker). */
  target?: { namespace: string; pod: string; container: string };
  /** Not yet startable (the pod picker has no container chosen). */
  disabled?: boolean;
};

/**
 * Starts a session on a resource (POST /api/v1/sessions) and opens its page. The page
 * fetches its own socket ticket, so the one returned here goes unused.
 */
export function StartSessionButton({
  resourceId,
  pagePrefix,
  label,
  pendingLabel,
  icon,
  variant = 'primary',
  query = '',
  target,
  disabled = false,
}: StartSessionButtonProps) {
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
        body: JSON.stringify(target ? { resourceId, target } : { resourceId }),
        credentials: 'same-origin',
      });
      const body = (await response.json().catch(() => undefined)) as { id?: unknown; error?: { message?: unknown } } | undefined;
      if (!response.ok || typeof body?.id !== 'string') {
        setError(typeof body?.error?.message === 'string' ? body.error.message : `Could not start a session (HTTP ${response.status}).`);
        setPending(false);
        return;
      }
      router.push(`${pagePrefix}/${body.id}${query}`);
    } catch {
      setError('Could not reach Porthole. Check your connection and try again.');
      setPending(false);
    }
  }

  return (
    <div className="space-y-2">
      <Button variant={variant} onClick={() => void connect()} disabled={isPending || disabled} aria-describedby={error ? errorId : undefined}>
        {icon}
        {isPending ? pendingLabel : label}
      </Button>
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
