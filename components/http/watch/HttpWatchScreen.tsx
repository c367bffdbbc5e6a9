'use client';

import { useMemo, useState } from 'react';
import { exchangesFromEvents } from '@/lib/recording/http-events';
import { ExchangeDetail } from '../../replay/http/ExchangeDetail';
import { HttpExchangeList } from '../../replay/http/HttpExchangeList';
import { WatchEmptyState } from '../../sessions/WatchEmptyState';
import { WatchEndingBanner, WatchStatusBar } from '../../sessions/WatchParts';
import { useConsoleWatch } from '../../sessions/use-console-watch';

/**
 * An auditor's view of a live HTTP console: its exchanges as they are recorded (masked, the
 * injected credential shown only as injected), in the HTTP replay's look, read-only, with
 * Terminate at hand. The newest exchange is shown unless the auditor picked another.
 */
export function HttpWatchScreen({ sessionId, userName, recordingHref }: { sessionId: string; userName: string; recordingHref: string }) {
  const { status, events, isTrimmed, ending } = useConsoleWatch(sessionId, 'http');
  const exchanges = useMemo(() => exchangesFromEvents(events.map(([t, data]) => [t, 'm', data] as const)), [events]);
  const [pickedId, setPickedId] = useState<string>();
  const isLive = status === 'connecting' || status === 'watching';
  const picked = exchanges.findIndex((exchange) => exchange.id === pickedId);
  const current = picked >= 0 ? picked : exchanges.length - 1;
  const exchange = exchanges[current];
  const isAwaited = exchange && !exchange.response && !exchange.error;

  return (
    <div className="flex flex-col gap-3" data-testid="watch-http" data-status={status}>
      <WatchStatusBar status={status} sessionId={sessionId} userName={userName} />
      {isTrimmed ? <p className="text-xs text-zinc-600 dark:text-zinc-400">Earlier requests are left out here; the recording has them all.</p> : null}
      {status === 'connecting' ? null : exchanges.length === 0 ? (
        <WatchEmptyState
          title="No requests yet"
          isLive={isLive}
          whileLive="Each request appears here as it is sent, then its response."
          afterEnd="No request was sent in this session."
        />
      ) : (
        <div className="grid gap-3 lg:grid-cols-[20rem_1fr]">
          <aside
            aria-label="Requests"
            className="max-h-[36rem] overflow-y-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
          >
            <HttpExchangeList exchanges={exchanges} current={current} isLive={isLive} onSeek={(_t, index) => setPickedId(exchanges[index]?.id)} />
          </aside>
          <ExchangeDetail
            exchange={exchange}
            state={exchange ? (isAwaited ? (isLive ? 'pending' : 'cancelled') : exchange.response ? 'done' : 'error') : undefined}
            emptyText="Pick a request to see it and its response."
          />
        </div>
      )}
      <WatchEndingBanner ending={ending} recordingHref={recordingHref} />
    </div>
  );
}
