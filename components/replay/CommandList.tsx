'use client';

import { useEffect, useRef } from 'react';
import type { ReplayCommand } from '@/lib/recording/replay-types';
import { formatClock } from './replay-format';

/** The command index beside the player: the current one highlighted, click to jump. */
export function CommandList({ commands, current, indexState, onSeek }: { commands: ReplayCommand[]; current: number; indexState: string; onSeek: (t: number) => void }) {
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
        <li key={`${command.t}-${i}`}>
          <button
            type="button"
            aria-current={i === current ? 'true' : undefined}
            onClick={() => onSeek(command.t)}
            className={`flex w-full items-baseline gap-2 px-3 py-1.5 text-left hover:bg-zinc-50 dark:hover:bg-zinc-800/60 ${i === current ? 'bg-indigo-50 dark:bg-indigo-950/40' : ''}`}
          >
            <span className="shrink-0 font-mono text-[11px] text-zinc-500 tabular-nums dark:text-zinc-400">{formatClock(command.t)}</span>
            <span className="min-w-0 flex-1 truncate font-mono text-xs" title={command.text}>
              {command.text}
            </span>
            {command.exitCode !== null ? (
              <span
                className={`shrink-0 rounded px-1 font-mono text-[10px] ${command.exitCode === 0 ? 'text-emerald-700 dark:text-emerald-400' : 'bg-red-100 text-red-700 dark:bg-red-950 dark:text-red-300'}`}
                title={`Exit code ${command.exitCode}`}
              >
                {command.exitCode}
              </span>
            ) : null}
          </button>
        </li>
      ))}
    </ol>
  );
}
