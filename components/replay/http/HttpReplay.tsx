'use client';

import { useEffect, useState } from 'react';
import type { HttpExchangeView } from '@/lib/protocol/http-protocol';
import { exchangesFromEvents } from '@/lib/recording/http-events';
import type { ReplayNote } from '@/lib/recording/replay-types';
import { NotesPanel, type NoteActions } from '../../notes/NotesPanel';
import { CountTabs } from '../../ui/CountTabs';
import { hitSeekTime } from '../find-bar-state';
import { loadRecordingEvents } from '../load-recording-events';
import { ExchangeDetail } from './ExchangeDetail';
import { exchangeAt } from './exchange-tone';
import { HttpExchangeList } from './HttpExchangeList';
import { HttpReplayTimeline } from './HttpReplayTimeline';

function useExchanges(recordingId: string, duration: number) {
  const [exchanges, setExchanges] = useState<HttpExchangeView[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const abort = new AbortController();
    loadRecordingEvents(recordingId, duration, abort.signal).then(
      (events) => setExchanges(exchangesFromEvents(events)),
      (e: unknown) => !abort.signal.aborted && setError(e instanceof Error ? e.message : 'Could not load the recording.'),
    );
    return () => abort.abort();
  }, [recordingId, duration]);
  return { exchanges, error };
}

const TABS = ['exchanges', 'notes'] as const;

/**
 * Replay of an HTTP console session: a timeline with a tick per exchange, the exchange list
 * beside notes, and the chosen exchange's request and response as the gateway recorded them
 * (masked; the injected credential shown only as injected).
 */
export default function HttpReplay({
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
  const { exchanges, error } = useExchanges(recordingId, duration);
  // A hit's link rounds its moment down: open just past it, so its exchange is shown.
  const [time, setTime] = useState(highlight?.trim() ? Math.min(duration, hitSeekTime({ t: initialTime })) : initialTime);
  const [notes, setNotes] = useState(initialNotes);
  const [tab, setTab] = useState<(typeof TABS)[number]>(showNotes ? 'notes' : 'exchanges');

  if (error)
    return (
      <p role="alert" className="text-sm text-red-600 dark:text-red-400">
        {error}
      </p>
    );
  if (!exchanges)
    return (
      <p className="text-sm text-zinc-500" data-status="loading">
        Loading the recording…
      </p>
    );
  const current = exchangeAt(exchanges, time);
  const exchange = exchanges[current];
  const counts = { exchanges: exchanges.length, notes: notes.length };

  return (
    <div className="space-y-3" data-status="ready" data-replay-time={time.toFixed(3)}>
      <HttpReplayTimeline exchanges={exchanges} notes={notes} current={current} time={time} duration={duration} onSeek={setTime} />
      <div className="grid gap-3 lg:grid-cols-[20rem_1fr]">
        <aside className="flex max-h-[36rem] flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <CountTabs label="Exchanges and notes" tabs={TABS.map((name) => ({ name, count: counts[name] }))} selected={tab} onSelect={setTab} />
          <div role="tabpanel" aria-label={tab === 'exchanges' ? 'Exchanges' : 'Notes'} className="min-h-48 overflow-y-auto">
            {tab === 'exchanges' ? (
              <HttpExchangeList exchanges={exchanges} current={current} highlight={highlight} onSeek={setTime} />
            ) : (
              <NotesPanel notes={notes} currentTime={time} actions={noteActions} onNotesChange={setNotes} onSeek={setTime} />
            )}
          </div>
        </aside>
        <ExchangeDetail
          exchange={exchange}
          state={exchange ? (exchange.response ? 'done' : 'error') : undefined}
          error={exchange && !exchange.response && !exchange.error ? 'The session ended before the response was recorded.' : undefined}
          emptyText={exchanges.length === 0 ? 'No request was sent in this session.' : 'Play or pick an exchange to see its request and response.'}
        />
      </div>
    </div>
  );
}
