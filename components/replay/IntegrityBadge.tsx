'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { formatCount } from '@/lib/format/count';
import type { VerifyResponse } from '@/lib/recording/replay-types';

type State = { status: 'checking' } | { status: 'done'; result: VerifyResponse } | { status: 'error'; message: string };

const base = 'inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium';

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1).replace(/\.?$/, '.');

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

  if (state.status === 'checking') {
    return (
      <span data-testid="integrity" data-status="checking" className={`${base} bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300`}>
        Verifying…
      </span>
    );
  }
  if (state.status === 'error') {
    return (
      <Explained status="error" tone="amber" label="Not verified" title="The integrity check could not run">
        <p>{sentence(state.message)}</p>
        <p>Reload the page to try again. Until it runs, nothing says whether this recording is intact.</p>
      </Explained>
    );
  }
  const { result } = state;
  if (result.isValid) {
    return (
      <span
        data-testid="integrity"
        data-status="valid"
        title={`${formatCount(result.chunkCount, 'chunk')}, hash chain intact${result.hasOpenTail ? ' (the live tail is not sealed yet)' : ''}`}
        className={`${base} bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300`}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3 fill-current">
          <path d="M6.2 11.6 2.6 8l1.1-1.1 2.5 2.5 6.1-6.1L13.4 4.4z" />
        </svg>
        Integrity verified
      </span>
    );
  }
  const where = result.failedChunk === null ? '' : ` at chunk ${result.failedChunk}`;
  return (
    <Explained
      status="invalid"
      tone="red"
      label={`Verification failed${where}`}
      title="This recording fails its integrity check"
      failedChunk={result.failedChunk}
    >
      {result.problem ? <p className="font-mono text-xs">{sentence(result.problem)}</p> : null}
      <p>
        It was changed or damaged after it was recorded, so what plays here may not be what happened in the session.
        {result.failedChunk !== null && result.failedChunk > 0 ? ` Chunks 0 to ${result.failedChunk - 1} verify.` : ''}
      </p>
    </Explained>
  );
}

/** A badge that opens a short explanation (a disclosure, so it works from the keyboard). */
function Explained({
  status,
  tone,
  label,
  title,
  failedChunk,
  children,
}: {
  status: string;
  tone: 'red' | 'amber';
  label: string;
  title: string;
  failedChunk?: number | null;
  children: ReactNode;
}) {
  const tones = {
    red: 'bg-red-100 text-red-800 hover:bg-red-200 dark:bg-red-950 dark:text-red-300 dark:hover:bg-red-900',
    amber: 'bg-amber-100 text-amber-800 hover:bg-amber-200 dark:bg-amber-950 dark:text-amber-300 dark:hover:bg-amber-900',
  };
  const accents = { red: 'border-l-red-500', amber: 'border-l-amber-500' };
  return (
    <details data-testid="integrity" data-status={status} data-failed-chunk={failedChunk ?? undefined} className="relative">
      <summary role="button" className={`${base} ${tones[tone]} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3 fill-current">
          <path d="M8 1.5 15 14H1zM7.25 6v4h1.5V6zm0 5v1.5h1.5V11z" />
        </svg>
        {label}
      </summary>
      <div
        role={status === 'invalid' ? 'alert' : 'status'}
        className={`absolute left-0 z-20 mt-1 w-96 max-w-[calc(100vw-2rem)] space-y-2 rounded-md border border-l-4 border-zinc-200 ${accents[tone]} bg-white p-3 text-sm font-normal tracking-normal text-zinc-700 shadow-lg dark:border-y-zinc-800 dark:border-r-zinc-800 dark:bg-zinc-900 dark:text-zinc-300`}
      >
        <p className="font-semibold text-zinc-900 dark:text-zinc-100">{title}</p>
        {children}
      </div>
    </details>
  );
}
