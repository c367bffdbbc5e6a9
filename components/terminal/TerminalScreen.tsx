'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useCallback, useRef, useState } from 'react';
import { ConnectButton } from '../resources/ConnectButton';
import { NotRecordedNotice } from '../resources/NotRecordedNotice';
import { SnippetPasteBar, type OfferedSnippet } from '../snippets/SnippetPasteBar';
import { LiveNotices } from '../console/LiveNotices';
import { useConfirmLeave } from '../console/use-confirm-leave';
import { ElapsedTime } from '../ui/ElapsedTime';
import { FullscreenGlyph, toggleFullscreen, useIsFullscreen } from '../ui/fullscreen';
import { DisconnectButton } from '../sessions/DisconnectButton';
import { EndingWayBack } from './EndingWayBack';
import { GrantTimeLeft } from './GrantTimeLeft';
import type { SessionEnding } from './session-ending';
import { TERMINAL_THEME } from './terminal-theme';
import type { TerminalSessionState, TerminalStatus } from './use-terminal-session';
import type { RendererKind } from './xterm-terminal';

const Terminal = dynamic(() => import('./Terminal'), {
  ssr: false,
  loading: () => <TerminalPlaceholder status="connecting" />,
});

export type TerminalScreenProps = {
  sessionId: string;
  /** `target`: a Kubernetes session's pod, which "Connect again" opens again. */
  resource: { id: string | null; name: string; address?: string; canConnect: boolean; target?: { namespace: string; pod: string; container: string } };
  /** Set when the session cannot be opened from this page (already ended, open elsewhere). */
  initialEnding?: SessionEnding;
  renderer?: RendererKind;
  /** Whether the gateway records this session (the status bar's dot says so). */
  isRecorded: boolean;
  /** Its replay, linked from the end banner once the session has run. */
  recordingHref?: string;
  /** The session was connected before this page loaded (it has a recording already). */
  hasStarted?: boolean;
  /** A saved snippet to offer at the prompt (`?snippet=`), pasted only when the user says so. */
  snippet?: OfferedSnippet;
};

/** The full-bleed terminal tab: a thin status bar, the terminal, and the end-of-session banner. */
export function TerminalScreen({ sessionId, resource, initialEnding, renderer, isRecorded, recordingHref, hasStarted, snippet }: TerminalScreenProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const pasteRef = useRef<((text: string) => boolean) | null>(null);
  const disconnectRef = useRef<(() => void) | null>(null);
  const [state, setState] = useState<TerminalSessionState>(
    initialEnding ? { status: initialEnding.tone === 'error' ? 'error' : 'closed', ending: initialEnding } : { status: 'connecting' },
  );
  const isFullscreen = useIsFullscreen();
  const onStateChange = useCallback((next: TerminalSessionState) => setState(next), []);
  useConfirmLeave(state.status === 'connected');

  const onFullscreenClick = () => {
    const root = rootRef.current;
    if (!root) return;
    void toggleFullscreen(root).then(() => root.querySelector<HTMLTextAreaElement>('.xterm-helper-textarea')?.focus());
  };

  return (
    <div ref={rootRef} className="flex h-dvh flex-col bg-white dark:bg-zinc-950">
      {/* On a phone the bar keeps one line and the resource's name: the state, recording dot and full-screen
          button lose their visible labels (not their accessible names), the connected time hides. */}
      <header className="flex h-9 shrink-0 items-center gap-2 border-b border-zinc-200 px-3 text-xs text-zinc-600 sm:gap-3 dark:border-zinc-800 dark:text-zinc-400">
        <Link href="/resources" className="flex items-center gap-1.5 font-semibold text-zinc-900 dark:text-zinc-100" aria-label="Porthole home">
          <span aria-hidden className="inline-block h-3.5 w-3.5 rounded-full border-[3px] border-indigo-600 dark:border-indigo-400" />
        </Link>
        <div className="flex min-w-0 items-baseline gap-2">
          {resource.id ? (
            <Link href={`/resources/${resource.id}`} className="truncate text-sm font-medium text-zinc-900 hover:underline dark:text-zinc-100">
              {resource.name}
            </Link>
          ) : (
            <span className="truncate text-sm font-medium text-zinc-900 dark:text-zinc-100">{resource.name}</span>
          )}
          {/* A pod shell keeps its pod on a phone too: which container you are in matters more than the host of an SSH terminal. */}
          {resource.address ? <span className={`truncate font-mono ${resource.target ? '' : 'hidden sm:inline'}`}>{resource.address}</span> : null}
        </div>
        <StatusPill status={state.status} message={state.message} />
        <div className="ml-auto flex shrink-0 items-center gap-2 sm:gap-3">
          {state.status === 'connected' && state.connectedAt ? <ConnectedTime since={state.connectedAt} /> : null}
          {state.maskCount ? (
            <span data-testid="mask-count" className="tabular-nums" title="Secrets masked inline in this session (what was masked is never shown)">
              {state.maskCount} masked
            </span>
          ) : null}
          {state.status === 'connected' && state.grantExpiresAt ? (
            <GrantTimeLeft key={state.grantExpiresAt} expiresAt={state.grantExpiresAt} resourceId={resource.id} />
          ) : null}
          <RecordingDot isRecorded={isRecorded} isLive={state.status === 'connected'} />
          {state.status === 'connected' ? <DisconnectButton onDisconnect={() => disconnectRef.current?.()} /> : null}
          <button
            type="button"
            onClick={onFullscreenClick}
            aria-pressed={isFullscreen}
            className="flex items-center gap-1 rounded px-1.5 py-1 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
          >
            <FullscreenGlyph isFullscreen={isFullscreen} />
            <span className="sr-only sm:not-sr-only">Full screen</span>
          </button>
        </div>
      </header>
      {snippet && !initialEnding && !state.ending ? (
        <SnippetPasteBar snippet={snippet} isReady={state.status === 'connected'} paste={(text) => pasteRef.current?.(text) ?? false} />
      ) : null}
      {!isRecorded && !initialEnding && !state.ending ? <NotRecordedNotice /> : null}
      <LiveNotices isConnected={state.status === 'connected'} watchers={state.watchers} idle={state.idle} what="typed" />
      <main className="min-h-0 flex-1" style={{ backgroundColor: TERMINAL_THEME.background }}>
        {initialEnding ? (
          <TerminalPlaceholder status={state.status} />
        ) : (
          <Terminal sessionId={sessionId} renderer={renderer} onStateChange={onStateChange} pasteRef={pasteRef} disconnectRef={disconnectRef} />
        )}
      </main>
      {state.ending ? (
        <EndBanner
          ending={state.ending}
          resource={resource}
          recordingHref={isRecorded && (hasStarted || state.connectedAt !== undefined) ? recordingHref : undefined}
        />
      ) : null}
    </div>
  );
}

function RecordingDot({ isRecorded, isLive }: { isRecorded: boolean; isLive: boolean }) {
  if (!isRecorded) {
    return (
      <span className="flex items-center gap-1.5" title="Recording is off for this resource: nothing is kept to replay">
        <span aria-hidden className="inline-block h-2 w-2 rounded-full border border-zinc-400 dark:border-zinc-500" />
        <span className="sr-only sm:not-sr-only">Not recorded</span>
      </span>
    );
  }
  return (
    <span className="flex items-center gap-1.5" title="Everything typed and shown in this session is recorded">
      <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${isLive ? 'bg-red-500' : 'bg-zinc-400'}`} />
      <span className="sr-only sm:not-sr-only">Recorded</span>
    </span>
  );
}

function ConnectedTime({ since }: { since: number }) {
  const label = <span className="sr-only">Connected for </span>;
  return (
    <ElapsedTime
      since={since}
      className="hidden font-mono tabular-nums sm:inline"
      title={`Connected at ${new Date(since).toLocaleTimeString()}`}
      label={label}
    />
  );
}

function TerminalPlaceholder({ status }: { status: TerminalStatus }) {
  return <div data-testid="terminal" data-status={status} className="h-full w-full" style={{ backgroundColor: TERMINAL_THEME.background }} />;
}

const STATUS_LOOK: Record<TerminalStatus, { label: string; dot: string }> = {
  connecting: { label: 'Connecting…', dot: 'bg-amber-500 animate-pulse' },
  connected: { label: 'Connected', dot: 'bg-emerald-500' },
  closed: { label: 'Ended', dot: 'bg-zinc-400' },
  error: { label: 'Error', dot: 'bg-red-500' },
};

function StatusPill({ status, message }: { status: TerminalStatus; message?: string }) {
  const look = STATUS_LOOK[status];
  return (
    <span className="flex min-w-0 items-center gap-1.5" aria-live="polite">
      <span aria-hidden className={`inline-block h-2 w-2 shrink-0 rounded-full ${look.dot}`} />
      {/* Connected is the normal state: on a phone its word gives way to the resource's name (the dot stays). */}
      <span className={status === 'connected' ? 'sr-only sm:not-sr-only sm:truncate' : 'truncate'}>
        {status === 'connecting' && message ? message : look.label}
      </span>
    </span>
  );
}

/** A strip under the terminal (not over it), so the last output stays readable. */
function EndBanner({ ending, resource, recordingHref }: { ending: SessionEnding; resource: TerminalScreenProps['resource']; recordingHref?: string }) {
  const isError = ending.tone === 'error';
  return (
    <div
      role="status"
      className={`flex shrink-0 flex-wrap items-center gap-x-4 gap-y-2 border-t px-4 py-2.5 ${
        isError
          ? 'border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100'
          : 'border-zinc-200 bg-white text-zinc-900 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100'
      }`}
    >
      <span aria-hidden className={`inline-block h-2 w-2 shrink-0 rounded-full ${isError ? 'bg-red-500' : 'bg-zinc-400'}`} />
      <p className="min-w-0 flex-1 text-sm">
        <span className="font-medium">{ending.title}</span>
        {ending.detail ? (
          <span className={`ml-2 ${isError ? 'text-red-800 dark:text-red-200' : 'text-zinc-600 dark:text-zinc-400'}`}>{ending.detail}</span>
        ) : null}
      </p>
      <div className="flex items-start gap-3">
        {recordingHref ? (
          <Link href={recordingHref} className="py-1.5 text-sm text-indigo-600 hover:underline dark:text-indigo-400">
            Watch the recording
          </Link>
        ) : null}
        <EndingWayBack ending={ending} resource={resource} linkClass="py-1.5 text-sm text-indigo-600 hover:underline dark:text-indigo-400" />
        {resource.id && resource.canConnect && !ending.nextStep ? (
          <ConnectButton resourceId={resource.id} label="Connect again" variant="secondary" target={resource.target} />
        ) : null}
      </div>
    </div>
  );
}
