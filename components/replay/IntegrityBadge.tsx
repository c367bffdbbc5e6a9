'use client';

import { useEffect, useState } from 'react';
import type { VerifyResponse } from '@/lib/recording/replay-types';

type State = { status: 'checking' } | { status: 'done'; result: VerifyResponse } | { status: 'error'; message: string };

/** Whether the recording's hash chain verifies end to end (asked of the server on open). */
export function IntegrityBadge({ recordingId }: { recordingId: string }) {
  const [state, setState] = useState<State>({ status: 'checking' });
  useEffect(() => {
    let isCurrent = true;
    fetch(`/api/v1/recordings/${recordingId}/verify`, { cache: 'no-store' })
      .then(async (response) => {
        const body = (await response.json()) as VerifyResponse & { error?: { message: string } };
        if (!isCurrent) return;
        if (!response.ok) setState({ status: 'error', message: body.error?.message ?? 'Verification failed to run.' });
        else setState({ status: 'done', result: body });
      })
      .catch(() => isCurrent && setState({ status: 'error', message: 'Verification failed to run.' }));
    return () => {
      isCurrent = false;
    };
  }, [recordingId]);

  const base = 'inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium';
  if (state.status === 'checking') {
    return (
      <span data-testid="integrity" data-status="checking" className={`${base} bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300`}>
        Verifying…
      </span>
    );
  }
  if (state.status === 'error') {
    return (
      <span data-testid="integrity" data-status="error" title={state.message} className={`${base} bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300`}>
        Not verified
      </span>
    );
  }
  const { result } = state;
  return result.isValid ? (
    <span
      data-testid="integrity"
      data-status="valid"
      title={`${result.chunkCount} chunks, hash chain intact${result.hasOpenTail ? ' (the live tail is not sealed yet)' : ''}`}
      className={`${base} bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300`}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3 fill-current">
        <path d="M6.2 11.6 2.6 8l1.1-1.1 2.5 2.5 6.1-6.1L13.4 4.4z" />
      </svg>
      Integrity verified
    </span>
  ) : (
    <span data-testid="integrity" data-status="invalid" role="alert" title={result.problem ?? ''} className={`${base} bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300`}>
      Integrity check failed: {result.problem}
    </span>
  );
}
