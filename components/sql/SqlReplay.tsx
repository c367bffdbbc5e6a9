'use client';

import { useEffect, useState } from 'react';
import type { ReplayNote } from '@/lib/recording/replay-types';
import { buildReplayModel, runAt, type SqlReplayModel } from '@/lib/sql/replay-model';
import { NotesPanel, type NoteActions } from '../notes/NotesPanel';
import { hitSeekTime } from '../replay/find-bar-state';
import { loadRecordingEvents } from '../replay/load-recording-events';
import { SqlReplayEntries } from './replay/SqlReplayEntries';
import { SqlReplayMoment } from './replay/SqlReplayMoment';
import { SqlReplayTimeline } from './replay/SqlReplayTimeline';
import { CountTabs } from '../ui/CountTabs';

function useReplayModel(recordingId: string, duration: number) {
  const [model, setModel] = useState<SqlReplayModel>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const abort = new AbortController();
    loadRecordingEvents(recordingId, duration, abort.signal).then(
      (events) => setModel(buildReplayModel(events)),
      (e: unknown) => !abort.signal.aborted && setError(e instanceof Error ? e.message : 'Could not load the recording.'),
    );
    return () => abort.abort();
  }, [recordingId, duration]);
  return { model, error };
}

const TABS = ['statements', 'notes'] as const;

/**
 * Replay of a SQL console session: a timeline with a tick per statement and review moment,
 * the statement list (held, approved, denied and withdrawn ones included) beside notes, and at
 * the chosen moment the editor text and the result grids as they were. `highlight` (a search
 * hit's query) is marked in the statements, the editor and errors.
 */
export default function SqlReplay({
  recordingId,
  duration,
  initialTime = 0,
  highlight,
  initialNotes,
  noteActions,
  showNotes = false,
}: {
  recordingId: string;
  duration: number;
  initialTime?: number;
  highlight?: string;
  initialNotes: ReplayNote[];
  noteActions: NoteActions;
  /** Open on the Notes tab (`?view=notes`: a note's search hit). */
  showNotes?: boolean;
}) {
  const { model, error } = useReplayModel(recordingId, duration);
  // A hit's link rounds its moment down: open just past it, so its statement is shown.
  const [time, setTime] = useState(highlight?.trim() ? Math.min(duration, hitSeekTime({ t: initialTime })) : initialTime);
  const [notes, setNotes] = useState(initialNotes);
  const [tab, setTab] = useState<(typeof TABS)[number]>(showNotes ? 'notes' : 'statements');

  if (error)
    return (
      <p role="alert" className="text-sm text-red-600 dark:text-red-400">
        {error}
      </p>
    );
  if (!model)
    return (
      <p className="text-sm text-zinc-500" data-status="loading">
        Loading the recording…
      </p>
    );
  const { entries } = model;
  const current = entries.reduce((found, e, i) => (e.t <= time + 1e-9 ? i : found), -1);
  const counts = { statements: model.statements.length, notes: notes.length };

  return (
    <div className="space-y-3" data-status="ready" data-replay-time={time.toFixed(3)}>
      <SqlReplayTimeline entries={entries} notes={notes} current={current} time={time} duration={duration} onSeek={setTime} />
      <div className="grid gap-3 lg:grid-cols-[20rem_1fr]">
        <aside className="flex max-h-[36rem] flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <CountTabs label="Statements and notes" tabs={TABS.map((name) => ({ name, count: counts[name] }))} selected={tab} onSelect={setTab} />
          <div role="tabpanel" aria-label={tab === 'statements' ? 'Statements' : 'Notes'} className="min-h-48 overflow-y-auto">
            {tab === 'statements' ? (
              <SqlReplayEntries entries={entries} current={current} highlight={highlight} recordingId={recordingId} onSeek={setTime} />
            ) : (
              <NotesPanel notes={notes} currentTime={time} actions={noteActions} onNotesChange={setNotes} onSeek={setTime} />
            )}
          </div>
        </aside>
        <SqlReplayMoment run={runAt(model, time)} time={time} highlight={highlight} />
      </div>
    </div>
  );
}
