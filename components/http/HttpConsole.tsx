'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { LiveNotices } from '../console/LiveNotices';
import { useIsDark } from '../console/use-is-dark';
import { NotRecordedNotice } from '../resources/NotRecordedNotice';
import { EndBanner } from '../sql/EndBanner';
import { SqlStatusBar } from '../sql/SqlStatusBar';
import type { SessionEnding } from '../terminal/session-ending';
import { curlCommand } from './curl-command';
import { CurlPanel } from './CurlPanel';
import { ExchangeHistory } from './ExchangeHistory';
import { ExchangePanel } from './ExchangePanel';
import { copyDraft, emptyDraft, requestFromDraft, type RequestDraft } from './request-draft';
import { RequestBar } from './RequestBar';
import { RequestTabs, type RequestTab } from './RequestTabs';
import { useHttpConsole, type HttpEntry } from './use-http-console';

export type HttpConsoleProps = {
  sessionId: string;
  resource: { id: string | null; name: string; baseUrl?: string; canConnect: boolean };
  initialEnding?: SessionEnding;
  /** False on a resource with recording off: said before connecting, and no recording link. */
  isRecorded?: boolean;
};

/**
 * The HTTP console tab: the request bar, the request's params, headers and JSON body beside
 * the response, and this session's history. Every request goes through the gateway, which adds
 * the credential, masks and records the exchange before the browser sees it.
 */
export default function HttpConsole({ sessionId, resource, initialEnding, isRecorded = true }: HttpConsoleProps) {
  const api = useHttpConsole(sessionId, initialEnding);
  const [draft, setDraft] = useState<RequestDraft>(emptyDraft);
  const [tab, setTab] = useState<RequestTab>('Params');
  const [selectedId, setSelectedId] = useState<string>();
  const [curl, setCurl] = useState<string>();
  const isDark = useIsDark();
  const isConnected = api.status === 'connected';
  const baseUrl = api.info?.baseUrl ?? resource.baseUrl;
  const selected = api.entries.find((entry) => entry.id === selectedId) ?? api.entries.at(-1);

  // The latest draft for the editors' key handlers, which are bound once.
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const { send: sendDraft } = api;
  const send = useCallback(() => {
    if (!isConnected) return;
    const id = sendDraft(draftRef.current);
    if (id) setSelectedId(id);
  }, [isConnected, sendDraft]);
  const { noteEditing } = api;
  const change = useCallback(
    (patch: Partial<RequestDraft>) => {
      setDraft((prev) => ({ ...prev, ...patch }));
      noteEditing();
    },
    [noteEditing],
  );
  const load = (entry: HttpEntry) => {
    setDraft(copyDraft(entry.draft));
    setSelectedId(entry.id);
  };
  useCurlFollowsDraft(curl, draft, resource.id, setCurl);

  return (
    <div className="flex h-dvh flex-col bg-white dark:bg-zinc-950" data-status={api.status}>
      <SqlStatusBar
        resource={{ id: resource.id, name: resource.name, address: baseUrl }}
        state={{ status: api.status, message: api.message, connectedAt: api.connectedAt, grantExpiresAt: api.grantExpiresAt }}
        isRecorded={isRecorded}
        recordedHint="Every request and its masked response are recorded"
        onDisconnect={api.disconnect}
      />
      {!isRecorded && !api.ending ? <NotRecordedNotice /> : null}
      <LiveNotices isConnected={isConnected} watchers={api.watchers} idle={api.idle} what="sent or typed" />
      <RequestBar
        draft={draft}
        baseUrl={baseUrl}
        canSend={isConnected}
        onChange={change}
        onSend={send}
        isCurlOpen={curl !== undefined}
        onCopyCurl={() => setCurl(curl === undefined && resource.id ? curlFor(draft, resource.id) : undefined)}
      />
      {curl !== undefined ? <CurlPanel command={curl} onClose={() => setCurl(undefined)} /> : null}
      <div className="flex min-h-0 flex-1 flex-col overflow-y-auto lg:flex-row lg:overflow-hidden">
        <div className="flex min-w-0 flex-col md:min-h-0 md:flex-1 md:flex-row">
          {/* On a phone the request keeps a fixed height, so the response shows under it without scrolling past an editor. */}
          <div className="flex h-72 shrink-0 flex-col border-b border-zinc-200 md:h-auto md:w-1/2 md:shrink md:border-r md:border-b-0 dark:border-zinc-800">
            <RequestTabs draft={draft} tab={tab} isDark={isDark} onTab={setTab} onChange={change} onSend={send} />
          </div>
          <section aria-label="Response" className="flex min-h-80 min-w-0 flex-col md:w-1/2">
            <ExchangePanel
              key={selected?.id}
              exchange={selected?.exchange}
              state={selected?.status}
              error={selected?.error}
              durationMs={selected?.durationMs}
              onCancel={selected ? () => api.cancel(selected.id) : undefined}
              emptyText={
                isConnected ? 'Send a request to see its response here. Ctrl/Cmd+Enter sends from anywhere in the request.' : 'The response appears here.'
              }
            />
          </section>
        </div>
        <ExchangeHistory entries={api.entries} selectedId={selected?.id} onSelect={setSelectedId} onLoad={load} />
      </div>
      {api.ending ? <EndBanner ending={api.ending} sessionId={sessionId} resource={resource} isRecorded={isRecorded} pagePrefix="/http" /> : null}
    </div>
  );
}

function curlFor(draft: RequestDraft, resourceId: string): string {
  return curlCommand(requestFromDraft(draft), { origin: window.location.origin, resourceId });
}

/** An open curl panel shows the request being edited, not the one it was opened for. */
function useCurlFollowsDraft(curl: string | undefined, draft: RequestDraft, resourceId: string | null, setCurl: (curl: string) => void): void {
  const isOpen = curl !== undefined;
  useEffect(() => {
    if (isOpen && resourceId) setCurl(curlFor(draft, resourceId));
  }, [isOpen, draft, resourceId, setCurl]);
}
