'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { HttpExchangeView, HttpServerMessage, HttpSessionInfo } from '@/lib/protocol/http-protocol';
import { requestSocketUrl } from '../sessions/request-socket-url';
import { DISCONNECTED, endingFromClose, endingFromError, endingFromReason, type SessionEnding } from '../terminal/session-ending';
import { HttpSocket } from './http-socket';
import { idleNotice, type IdleNotice } from '../console/relay-socket';
import { requestFromDraft, type RequestDraft } from './request-draft';

export type ConsoleStatus = 'connecting' | 'connected' | 'closed' | 'error';

/** One request of this session: sent, then answered (`exchange`) or failed (`error`). */
export type HttpEntry = {
  id: string;
  /** The editor's content when it was sent, to load it back. */
  draft: RequestDraft;
  sentAt: number;
  status: 'pending' | 'done' | 'error' | 'cancelled';
  /** As the gateway recorded it: masked, the credential shown as injected. */
  exchange?: HttpExchangeView;
  error?: string;
  durationMs?: number;
};

export type HttpConsoleState = {
  status: ConsoleStatus;
  message?: string;
  info?: HttpSessionInfo;
  connectedAt?: number;
  grantExpiresAt?: number;
  ending?: SessionEnding;
  watchers?: string[];
  /** The idle limit is near: when it ends the session, and how to stay. */
  idle?: IdleNotice;
  entries: HttpEntry[];
};

export type HttpConsoleApi = HttpConsoleState & {
  /** Sends the draft; returns the new entry's id. */
  send: (draft: RequestDraft) => string | undefined;
  cancel: (id: string) => void;
  /** Ends the session from the page. */
  disconnect: () => void;
  /** The request changed: writing one is being there, though nothing reaches the API. */
  noteEditing: () => void;
};

let exchangeCounter = 0;

type Update = (change: (prev: HttpConsoleState) => HttpConsoleState) => void;

/**
 * Opens a session's HTTP console socket and keeps the console's state: connection, grant, and
 * the exchanges sent in this tab. Closing the page closes the socket, which ends the session.
 */
export function useHttpConsole(sessionId: string, initialEnding?: SessionEnding): HttpConsoleApi {
  const [state, setState] = useState<HttpConsoleState>(
    initialEnding ? { status: initialEnding.tone === 'error' ? 'error' : 'closed', ending: initialEnding, entries: [] } : { status: 'connecting', entries: [] },
  );
  const socketRef = useRef<HttpSocket | undefined>(undefined);

  useEffect(() => {
    if (initialEnding) return;
    const abort = new AbortController();
    const update: Update = (change) => {
      if (!abort.signal.aborted) setState(change);
    };
    const connect = async () => {
      let url: string;
      try {
        url = await requestSocketUrl(sessionId, abort.signal);
      } catch (error) {
        if (!abort.signal.aborted) update(finished(endingFromError(error instanceof Error ? error.message : 'Could not open the session.')));
        return;
      }
      if (abort.signal.aborted) return;
      const socket = new HttpSocket(url);
      socketRef.current = socket;
      listenToHttpSocket(socket, update);
    };
    // Deferred so React's development double-mount cancels the first attempt before it spends the session's one socket.
    const timer = setTimeout(() => void connect(), 0);
    return () => {
      clearTimeout(timer);
      abort.abort();
      socketRef.current?.dispose();
      socketRef.current = undefined;
    };
  }, [sessionId, initialEnding]);

  const send = useCallback((draft: RequestDraft) => {
    const socket = socketRef.current;
    if (!socket) return undefined;
    const id = `x-${Date.now().toString(36)}-${++exchangeCounter}`;
    socket.send(id, requestFromDraft(draft));
    setState((prev) => ({ ...prev, entries: [...prev.entries, { id, draft, sentAt: Date.now(), status: 'pending' }] }));
    return id;
  }, []);

  const cancel = useCallback((id: string) => socketRef.current?.cancel(id), []);
  // The ending is set first: the socket's close (which ends the session on the gateway) then changes nothing.
  const disconnect = useCallback(() => {
    setState(finished(DISCONNECTED));
    socketRef.current?.dispose();
    socketRef.current = undefined;
  }, []);

  const noteEditing = useCallback(() => socketRef.current?.noteEditing(), []);

  return { ...state, send, cancel, disconnect, noteEditing };
}

/** The session is over: requests still in flight will get no answer. */
function finished(ending: SessionEnding) {
  return (prev: HttpConsoleState): HttpConsoleState => {
    const final = prev.ending ?? ending;
    return {
      ...prev,
      status: final.tone === 'error' ? 'error' : 'closed',
      ending: final,
      message: undefined,
      idle: undefined,
      entries: prev.entries.map((entry) => (entry.status === 'pending' ? { ...entry, status: 'cancelled' } : entry)),
    };
  };
}

const settle = (id: string, patch: Partial<HttpEntry>) => (prev: HttpConsoleState) => ({
  ...prev,
  entries: prev.entries.map((entry) => (entry.id === id ? { ...entry, ...patch } : entry)),
});

/** What the socket says, applied: status, grant, watchers, the end, and each exchange to its entry. */
function listenToHttpSocket(socket: HttpSocket, update: Update): void {
  // An error frame comes before the close it explains.
  let lastError: SessionEnding | undefined;
  socket.onServerMessage((message: HttpServerMessage) => {
    switch (message.type) {
      case 'status':
        if (message.state === 'connected')
          return update((prev) => ({ ...prev, status: 'connected', info: message.info, connectedAt: Date.now(), message: undefined }));
        return update((prev) => ({ ...prev, status: 'connecting', message: message.message }));
      case 'grant':
        return update((prev) => ({ ...prev, grantExpiresAt: Date.parse(message.expiresAt) }));
      case 'watchers':
        return update((prev) => ({ ...prev, watchers: message.names }));
      case 'idle':
        return update((prev) => ({ ...prev, idle: idleNotice(message.endsInMs, () => socket.stayActive()) }));
      case 'exchange':
        return update(settle(message.id, { status: 'done', exchange: message.exchange, durationMs: message.exchange.durationMs }));
      case 'exchange-error':
        return update(settle(message.id, { status: 'error', error: message.message, durationMs: message.durationMs }));
      case 'error':
        lastError = endingFromError(message.message);
        return;
      case 'exit':
        return update(finished(endingFromReason(message.reason, message.message, null, { kind: 'http' })));
      case 'pong':
        return;
    }
  });
  socket.onClose(({ code, reason }) => update(finished(lastError ?? endingFromClose(code, reason))));
}
