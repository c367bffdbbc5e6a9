'use client';

import { useEffect, useRef } from 'react';
import type { ReplayCommand } from '@/lib/recording/replay-types';
import { formatMilliseconds } from '@/lib/format/duration';
import { SaveSnippetButton } from '../snippets/SaveSnippetButton';
import { formatClock } from './replay-format';

/** Quicker commands show no run time: a column of "0 ms" says nothing. */
const SHOWN_DURATION = 0.1;

/** The command index beside the player: the current one highlighted, click to jump; each can be kept as a snippet. */
export function CommandList({
  commands,
  current,
  indexState,
  onSeek,
  recordingId,
}: {
  commands: ReplayCommand[];
  current: number;
  indexState: string;
  onSeek: (t: number) => void;
  /** Set to offer "Save as snippet" on each command. */
  recordingId?: string;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  if (commands.length === 0) {
    return (
      <p className="px-3 py-6 text-center text-sm text-zinc-500 dark:text-zinc-400">
        {indexState === 'pending' ? 'The command index is being built…' : 'No commands were typed in this session.'}
      </p>
    );
  }
  return (
    <ol ref={listRef} aria-label="Commands" className="divide-y divide-zinc-100 dark:divide-zinc-800">
      {commands.map((command, i) => (
        <li key={`${command.t}-${i}`} className={`flex items-center pr-1 ${i === current ? 'bg-indigo-50 dark:bg-indigo-950/40' : ''}`}>
          <button
            type="button"
            aria-current={i === current ? 'true' : undefined}
            onClick={() => onSeek(command.t)}
            className="flex min-w-0 flex-1 items-baseline gap-2 px-3 py-1.5 text-left hover:bg-zinc-50 dark:hover:bg-zinc-800/60"
          >
            <span className="shrink-0 font-mono text-[11px] text-zinc-500 tabular-nums dark:text-zinc-400">{formatClock(command.t)}</span>
            <span className="min-w-0 flex-1 truncate font-mono text-xs" title={command.text}>
              {command.text}
            </span>
            {command.duration !== null && command.duration >= SHOWN_DURATION ? (
              <span className="shrink-0 font-mono text-[10px] text-zinc-500 tabular-nums dark:text-zinc-400" title="Run time">
                {formatMilliseconds(command.duration * 1000)}
              </span>
            ) : null}
            <CommandOutcome command={command} />
          </button>
          {recordingId ? <SaveSnippetButton look="icon" text={command.text} kind="command" recordingId={recordingId} t={command.t} /> : null}
        </li>
      ))}
    </ol>
  );
}

/**
 * The exit code when the shell reported one (OSC 133); otherwise "likely failed" when the
 * output said so, with the line that did (hover, or read out by screen readers).
 */
function CommandOutcome({ command }: { command: ReplayCommand }) {
  const reason = command.failureReason;
  if (command.exitCode !== null) {
    const isOk = command.exitCode === 0;
    return (
      <span
        className={`shrink-0 rounded px-1 font-mono text-[10px] ${isOk ? 'text-emerald-700 dark:text-emerald-400' : 'bg-red-100 text-red-700 dark:bg-red-950 dark:text-red-300'}`}
        title={reason ? `Exit code ${command.exitCode}: ${reason}` : `Exit code ${command.exitCode}`}
      >
        {command.exitCode}
        {reason ? <span className="sr-only">: {reason}</span> : null}
      </span>
    );
  }
  if (!reason) return null;
  return (
    <span
      className="shrink-0 rounded bg-amber-100 px-1 text-[10px] whitespace-nowrap text-amber-800 dark:bg-amber-950 dark:text-amber-300"
      title={`Likely failed: ${reason}`}
    >
      likely failed<span className="sr-only">: {reason}</span>
    </span>
  );
}
