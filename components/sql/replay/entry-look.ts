import { formatCount } from '@/lib/format/count';
import type { ReplayEntry } from '@/lib/sql/replay-model';

/**
 * How one entry of a SQL replay reads and looks: its outcome in words and its colours, shared
 * by the statement list and the timeline so a held or denied statement looks the same in both.
 */
export type EntryLook = { label: string; detail: string; tone: 'ok' | 'error' | 'held' | 'approved' | 'denied' | 'withdrawn' };

export function entryLook(entry: ReplayEntry): EntryLook {
  switch (entry.kind) {
    case 'statement': {
      const result = entry.statement.result;
      if (!result) return { label: '…', detail: '', tone: 'ok' };
      if (result.error) return { label: 'failed', detail: `${result.error.code}: ${result.error.message}`, tone: 'error' };
      const label = result.columns.length > 0 ? formatCount(result.rowCount ?? result.rows.length, 'row') : result.command;
      return { label, detail: '', tone: 'ok' };
    }
    case 'held':
      return { label: 'Held for review', detail: entry.reason, tone: 'held' };
    case 'blocked':
      return { label: 'Blocked', detail: entry.reason, tone: 'denied' };
    default: {
      const by = entry.decider ? ` by ${entry.decider}` : '';
      const label = { approved: 'Approved', denied: 'Denied', withdrawn: 'Withdrawn' }[entry.kind];
      return { label: `${label}${by}`, detail: entry.comment ?? '', tone: entry.kind };
    }
  }
}

/** Text colour of an entry's outcome. */
export const TONE_TEXT: Record<EntryLook['tone'], string> = {
  ok: 'text-zinc-500 dark:text-zinc-400',
  error: 'text-red-700 dark:text-red-300',
  held: 'text-amber-800 dark:text-amber-300',
  approved: 'text-emerald-700 dark:text-emerald-400',
  denied: 'text-red-700 dark:text-red-300',
  withdrawn: 'text-zinc-500 dark:text-zinc-400',
};

/** A bar at the left of a list row (and the timeline tick's colour). */
export const TONE_MARK: Record<EntryLook['tone'], string> = {
  ok: 'bg-indigo-500',
  error: 'bg-red-500',
  held: 'bg-amber-500',
  approved: 'bg-emerald-500',
  denied: 'bg-red-700',
  withdrawn: 'bg-zinc-400',
};

/** Where a click on the entry takes the replay: a statement's result, or the moment itself. */
export function entrySeekTime(entry: ReplayEntry): number {
  return entry.kind === 'statement' ? (entry.statement.result?.t ?? entry.t) : entry.t;
}

export function entryKey(entry: ReplayEntry): string {
  return entry.kind === 'statement' ? `${entry.runId}:s${entry.statement.index}` : `${entry.runId}:${entry.kind}`;
}
