'use client';

import { useMemo } from 'react';
import { buildReplayModel, type ReplayEntry } from '@/lib/sql/replay-model';
import { useConsoleWatch, type ConsoleWatchStatus } from '../../sessions/use-console-watch';
import type { SessionEnding } from '../../terminal/session-ending';

export type SqlWatchStatus = ConsoleWatchStatus;
export type SqlWatchState = { status: SqlWatchStatus; entries: ReplayEntry[]; isTrimmed: boolean; ending?: SessionEnding };

/** Watches a live SQL console: the statement list as the recording has it, kept up to date. */
export function useSqlWatch(sessionId: string): SqlWatchState {
  const { status, events, isTrimmed, ending } = useConsoleWatch(sessionId, 'sql');
  const entries = useMemo(() => buildReplayModel(events.map(([t, data]) => [t, 'm', data])).entries, [events]);
  return { status, entries, isTrimmed, ending };
}
