'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_SCRIPT_CHARS, scriptTooLongReason, type SqlSchemaTree, type SqlSessionInfo } from '@/lib/protocol/sql-protocol';
import { DISCONNECTED, endingFromClose, endingFromError, endingFromReason, type SessionEnding } from '../terminal/session-ending';
import { ConsoleModel, type RunState } from './console-model';
import { SqlSocket } from './sql-socket';
import { idleNotice, type IdleNotice } from '../console/relay-socket';
import { requestSocketUrl } from '../sessions/request-socket-url';

export type ConsoleStatus = 'connecting' | 'connected' | 'closed' | 'error';

export type SqlConsoleState = {
  status: ConsoleStatus;
  message?: string;
  info?: SqlSessionInfo;
  connectedAt?: number;
  /** When the grant behind the session ends (ms since the epoch); unset on open resources. */
  grantExpiresAt?: number;
  ending?: SessionEnding;
  schema?: SqlSchemaTree;
  /** Auditors or admins watching now (the console shows who, and it cannot be hidden). */
  watchers?: string[];
  /** The idle limit is near: when it ends the session, and how to stay. */
  idle?: IdleNotice;
  /** Bumped whenever a run changes (the runs themselves live in the model). */
  version: number;
};

export type SqlConsoleApi = SqlConsoleState & {
  runs: readonly RunState[];
  /** Starts a run; returns its id. */
  run: (script: string, editor: string, editorOffset: number) => string | undefined;
  cancel: (id: string) => void;
  refreshSchema: () => void;
  /** Ends the session from the page. */
  disconnect: () => void;
  /** The editor changed: writing a statement is being there, though nothing reaches the database. */
  noteEditing: () => void;
};

let runCounter = 0;

/**
 * Opens a session's SQL socket and keeps the console's state: connection, runs and their
 * result sets, the schema for autocomplete. Closing the page closes the socket, which ends
 * the session.
 */
export function useSqlConsole(sessionId: string, initialEnding?: SessionEnding): SqlConsoleApi {
  const [state, setState] = useState<SqlConsoleState>(
    initialEnding ? { status: initialEnding.tone === 'error' ? 'error' : 'closed', ending: initialEnding, version: 0 } : { status: 'connecting', version: 0 },
  );
  const modelRef = useRef(new ConsoleModel());
  const socketRef = useRef<SqlSocket | undefined>(undefined);
  const finishRef = useRef<((ending: SessionEnding) => void) | undefined>(undefined);

  useEffect(() => {
    if (initialEnding) return;
    const abort = new AbortController();
    const model = modelRef.current;
    let ending: SessionEnding | undefined;
    let frame = 0;
    const update = (patch: Partial<SqlConsoleState>) => {
      if (!abort.signal.aborted) setState((prev) => ({ ...prev, ...patch }));
    };
    // Pages arrive faster than React should render: one render per animation frame at most.
    const bump = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        update({ version: model.version });
      });
    };
    const finish = (next: SessionEnding) => {
      ending ??= next;
      for (const run of model.runs) if (run.status === 'running' || run.status === 'held') run.status = 'cancelled';
      update({ status: ending.tone === 'error' ? 'error' : 'closed', ending, message: undefined, idle: undefined, version: ++model.version });
    };
    finishRef.current = finish;
    const connect = async () => {
      let url: string;
      try {
        url = await requestSocketUrl(sessionId, abort.signal);
      } catch (error) {
        if (!abort.signal.aborted) finish(endingFromError(error instanceof Error ? error.message : 'Could not open the session.'));
        return;
      }
      if (abort.signal.aborted) return;
      const socket = new SqlSocket(url);
      socketRef.current = socket;
      listenToSqlSocket(socket, model, { update, finish, bump });
    };
    // Deferred so React's development double-mount cancels the first attempt before it spends the session's one socket.
    const timer = setTimeout(() => void connect(), 0);
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      abort.abort();
      socketRef.current?.dispose();
      socketRef.current = undefined;
      finishRef.current = undefined;
    };
  }, [sessionId, initialEnding]);

  const run = useCallback((script: string, editor: string, editorOffset: number) => {
    const socket = socketRef.current;
    if (!socket || !script.trim()) return undefined;
    const id = `run-${Date.now().toString(36)}-${++runCounter}`;
    const model = modelRef.current;
    model.start(id, script, editorOffset);
    // Too long to run at once: said here, the console stays open (the gateway refuses it the same way).
    if (script.length > MAX_SCRIPT_CHARS) model.apply({ type: 'blocked', id, reason: scriptTooLongReason(script.length), statements: [] });
    else socket.run(id, script, editor.slice(0, MAX_SCRIPT_CHARS));
    setState((prev) => ({ ...prev, version: model.version }));
    return id;
  }, []);

  const cancel = useCallback((id: string) => socketRef.current?.cancel(id), []);
  const refreshSchema = useCallback(() => socketRef.current?.requestSchema(), []);
  // The socket's close ends the session on the gateway; the banner says who ended it.
  const disconnect = useCallback(() => {
    finishRef.current?.(DISCONNECTED);
    socketRef.current?.dispose();
    socketRef.current = undefined;
  }, []);

  const noteEditing = useCallback(() => socketRef.current?.noteEditing(), []);

  return { ...state, runs: modelRef.current.runs, run, cancel, refreshSchema, disconnect, noteEditing };
}

/** What the SQL socket says, applied: status, schema, grant, the end, and every run's frames into the model. */
function listenToSqlSocket(
  socket: SqlSocket,
  model: ConsoleModel,
  { update, finish, bump }: { update: (patch: Partial<SqlConsoleState>) => void; finish: (ending: SessionEnding) => void; bump: () => void },
): void {
  // An error frame comes before the close it explains (a failed schema read ends nothing).
  let lastError: SessionEnding | undefined;
  socket.onServerMessage((message) => {
    switch (message.type) {
      case 'status':
        if (message.state === 'connected') {
          update({ status: 'connected', info: message.info, connectedAt: Date.now(), message: undefined });
          socket.requestSchema();
        } else update({ status: 'connecting', message: message.message });
        return;
      case 'schema':
        return update({ schema: message.schemas });
      case 'grant':
        return update({ grantExpiresAt: Date.parse(message.expiresAt) });
      case 'watchers':
        return update({ watchers: message.names });
      case 'idle':
        return update({ idle: idleNotice(message.endsInMs, () => socket.stayActive()) });
      case 'error':
        lastError = endingFromError(message.message);
        if (message.code === 'schema_failed') lastError = undefined;
        return;
      case 'exit':
        return finish(endingFromReason(message.reason, message.message, null, { kind: 'sql' }));
      default:
        if (model.apply(message)) bump();
    }
  });
  socket.onClose(({ code, reason }) => finish(lastError ?? endingFromClose(code, reason)));
}
