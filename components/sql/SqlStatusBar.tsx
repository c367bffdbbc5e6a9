'use client';

import Link from 'next/link';
import type { SqlSessionInfo } from '@/lib/protocol/sql-protocol';
import { DisconnectButton } from '../sessions/DisconnectButton';
import { GrantTimeLeft } from '../terminal/GrantTimeLeft';
import { ElapsedTime } from '../ui/ElapsedTime';
import type { SqlConsoleState } from './use-sql-console';

/**
 * The thin bar over a console (SQL, and the HTTP console without `info`): resource, server,
 * mode, limits, connected time, grant time left, recording.
 */
export function SqlStatusBar({
  resource,
  state,
  isRecorded = true,
  recordedHint = 'Every statement and its masked result are recorded',
  onDisconnect,
}: {
  resource: { id: string | null; name: string; address?: string };
  state: Pick<SqlConsoleState, 'status' | 'message' | 'connectedAt' | 'grantExpiresAt'> & { info?: SqlSessionInfo };
  isRecorded?: boolean;
  /** What the recording dot's tooltip says is kept. */
  recordedHint?: string;
  /** Shown as a Disconnect button while connected. */
  onDisconnect?: () => void;
}) {
  const { pill, label } = statusPill(state);
  return (
    <header className="flex h-9 shrink-0 items-center gap-3 border-b border-zinc-200 px-3 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
      <Link href="/resources" className="flex items-center" aria-label="Porthole home">
        <span aria-hidden className="inline-block h-3.5 w-3.5 rounded-full border-[3px] border-indigo-600 dark:border-indigo-400" />
      </Link>
      {resource.id ? (
        <Link href={`/resources/${resource.id}`} className="truncate text-sm font-medium text-zinc-900 hover:underline dark:text-zinc-100">
          {resource.name}
        </Link>
      ) : (
        <span className="truncate text-sm font-medium text-zinc-900 dark:text-zinc-100">{resource.name}</span>
      )}
      {resource.address ? <span className="hidden truncate font-mono sm:inline">{resource.address}</span> : null}
      <span role="status" className={`rounded-full px-2 py-0.5 font-medium ${pill}`}>
        {label}
      </span>
      {state.info ? (
        <>
          <span className="hidden md:inline">{state.info.serverVersion}</span>
          {state.info.isReadOnly ? (
            <span className="rounded border border-amber-300 px-1.5 py-0.5 font-medium text-amber-800 dark:border-amber-800 dark:text-amber-300">
              Read-only
            </span>
          ) : null}
          <span className="hidden lg:inline" title="Rows shown per result at most">
            Row limit {state.info.rowCap.toLocaleString()}
          </span>
          {state.info.statementTimeoutMs > 0 ? (
            <span className="hidden lg:inline" title="Statements stop after this long">
              Timeout {Math.round(state.info.statementTimeoutMs / 1000)} s
            </span>
          ) : null}
        </>
      ) : null}
      <div className="ml-auto flex items-center gap-3">
        {state.status === 'connected' && state.connectedAt ? <ElapsedTime since={state.connectedAt} className="tabular-nums" title="Connected for" /> : null}
        {state.status === 'connected' && state.grantExpiresAt ? (
          <GrantTimeLeft key={state.grantExpiresAt} expiresAt={state.grantExpiresAt} resourceId={resource.id} />
        ) : null}
        {isRecorded ? (
          <span className="flex items-center gap-1.5" title={recordedHint}>
            <span aria-hidden className={`h-2 w-2 rounded-full ${state.status === 'connected' ? 'animate-pulse bg-red-500' : 'bg-zinc-400'}`} />
            Recorded
          </span>
        ) : (
          <span className="flex items-center gap-1.5" title="Recording is off for this resource: nothing is kept to replay">
            <span aria-hidden className="h-2 w-2 rounded-full border border-zinc-400 dark:border-zinc-500" />
            Not recorded
          </span>
        )}
        {state.status === 'connected' && onDisconnect ? <DisconnectButton onDisconnect={onDisconnect} /> : null}
      </div>
    </header>
  );
}

/** The connection state's pill: its colours and words. */
function statusPill(state: Pick<SqlConsoleState, 'status' | 'message'>): { pill: string; label: string } {
  if (state.status === 'connected') return { pill: 'bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300', label: 'Connected' };
  if (state.status === 'connecting')
    return { pill: 'bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300', label: state.message ?? 'Connecting…' };
  return { pill: 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300', label: state.status === 'error' ? 'Failed' : 'Ended' };
}
