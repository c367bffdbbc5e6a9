'use client';

import { useEffect, useRef, useState, type RefObject } from 'react';
import { DISCONNECTED, endingFromClose, endingFromError, endingFromReason, type SessionEnding } from './session-ending';
import { TerminalSocket } from './terminal-socket';
import { XtermTerminal, type FindResults, type RendererKind } from './xterm-terminal';
import { requestSocketUrl } from '../sessions/request-socket-url';
import type { IdleNotice } from '../console/relay-socket';

export type TerminalStatus = 'connecting' | 'connected' | 'closed' | 'error';

export type TerminalSessionState = {
  status: TerminalStatus;
  /** Progress while connecting ("Connecting to host…"), from the gateway. */
  message?: string;
  /** Epoch ms when the shell became usable. */
  connectedAt?: number;
  ending?: SessionEnding;
  renderer?: RendererKind;
  /** Secrets inline masking replaced so far in this session. */
  maskCount?: number;
  /** Epoch ms when the just-in-time grant behind this session ends. */
  grantExpiresAt?: number;
  /** Auditors or admins watching this session now. */
  watchers?: string[];
  /** The idle limit is near: when it ends the session, and how to stay. */
  idle?: IdleNotice;
};

/** The find bar's way into the terminal's scrollback. */
export type TerminalFind = {
  find: (query: string, direction: 'next' | 'previous', options?: { isIncremental?: boolean }) => boolean;
  clear: () => void;
  onResults: (listener: (results: FindResults) => void) => () => void;
  focus: () => void;
};

/** What tests read through `window.__portholeTerminal` (the page's own screen, nothing more). */
export type TerminalTestHandle = {
  text: () => string;
  cols: () => number;
  rows: () => number;
  renderer: () => RendererKind;
};

declare global {
  interface Window {
    __portholeTerminal?: TerminalTestHandle;
  }
}

/**
 * Connects a session's socket to an xterm in `containerRef`: asks for a fresh single-use
 * ticket, opens the socket, pipes bytes both ways with write-callback acknowledgements, and
 * tears everything down on unmount (which closes the socket and so ends the session).
 */
export function useTerminalSession({
  sessionId,
  containerRef,
  renderer,
  findRef,
  pasteRef,
  disconnectRef,
  onFindRequest,
}: {
  sessionId: string;
  containerRef: RefObject<HTMLElement | null>;
  renderer?: RendererKind;
  /** Filled with the terminal's find, while it exists. */
  findRef?: { current: TerminalFind | null };
  /** Filled with a paste that never runs anything (a saved snippet), while the terminal exists. */
  pasteRef?: { current: ((text: string) => boolean) | null };
  /** Filled with what ends the session from the page: the socket closes, the gateway ends the session. */
  disconnectRef?: { current: (() => void) | null };
  onFindRequest?: () => void;
}): TerminalSessionState {
  const [state, setState] = useState<TerminalSessionState>({ status: 'connecting' });
  // Read when the key is pressed: a new callback must not reconnect the session.
  const findRequest = useRef(onFindRequest);
  findRequest.current = onFindRequest;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const abort = new AbortController();
    let socket: TerminalSocket | undefined;
    let term: XtermTerminal | undefined;
    let ending: SessionEnding | undefined;
    let testHandle: TerminalTestHandle | undefined;
    const update = (patch: Partial<TerminalSessionState>) => {
      if (!abort.signal.aborted) setState((prev) => ({ ...prev, ...patch }));
    };
    const finish = (next: SessionEnding) => {
      ending ??= next;
      if (term) {
        term.terminal.options.disableStdin = true;
        term.terminal.options.cursorBlink = false;
        term.write('\x1b[?25l'); // hide the cursor: nothing more can be typed
      }
      update({ status: ending.tone === 'error' ? 'error' : 'closed', ending, message: undefined, watchers: undefined, idle: undefined });
    };

    const connect = async () => {
      const xterm = new XtermTerminal(container, {
        onInput: (data) => socket?.sendInput(data),
        onResize: (cols, rows) => socket?.resize(cols, rows),
        renderer,
        onRendererChange: (kind) => update({ renderer: kind }),
        onFindRequest: () => findRequest.current?.(),
      });
      term = xterm;
      testHandle = exposeTerminal(xterm, findRef, pasteRef);
      update({ renderer: xterm.renderer });

      let wsUrl: string;
      try {
        wsUrl = await requestSocketUrl(sessionId, abort.signal);
      } catch (error) {
        if (!abort.signal.aborted) finish(endingFromError(error instanceof Error ? error.message : 'Could not open the session.'));
        return;
      }
      if (abort.signal.aborted) return;

      const ws = new TerminalSocket(wsUrl, { initialSize: { cols: xterm.cols, rows: xterm.rows } });
      socket = ws;
      listenToSocket(ws, xterm, { update, finish });
    };

    lendDisconnect(disconnectRef, finish, () => socket);

    // Deferred so React's development double-mount cancels the first attempt before it
    // spends the session's only socket.
    const timer = setTimeout(() => void connect(), 0);
    return () => {
      clearTimeout(timer);
      abort.abort();
      socket?.dispose();
      term?.dispose();
      if (findRef) findRef.current = null;
      if (pasteRef) pasteRef.current = null;
      if (disconnectRef) disconnectRef.current = null;
      if (testHandle && window.__portholeTerminal === testHandle) delete window.__portholeTerminal;
    };
  }, [sessionId, containerRef, renderer, findRef, pasteRef, disconnectRef]);

  return state;
}

/** Lends the page what ends the session: the ending first, then the socket's close (the gateway ends the session on it). */
function lendDisconnect(
  ref: { current: (() => void) | null } | undefined,
  finish: (ending: SessionEnding) => void,
  socket: () => TerminalSocket | undefined,
): void {
  if (!ref) return;
  ref.current = () => {
    finish(DISCONNECTED);
    socket()?.dispose();
  };
}

/** Lends the terminal's find and snippet paste to the page, and a read-only handle to end-to-end tests. */
function exposeTerminal(
  xterm: XtermTerminal,
  findRef: { current: TerminalFind | null } | undefined,
  pasteRef: { current: ((text: string) => boolean) | null } | undefined,
): TerminalTestHandle {
  if (findRef) {
    findRef.current = {
      find: (query, direction, options) => xterm.find(query, direction, options),
      clear: () => xterm.clearFind(),
      onResults: (listener) => {
        const subscription = xterm.onFindResults(listener);
        return () => subscription.dispose();
      },
      focus: () => xterm.focus(),
    };
  }
  if (pasteRef) pasteRef.current = (text) => xterm.pasteWithoutRunning(text);
  const handle: TerminalTestHandle = {
    text: () => xterm.bufferText(),
    cols: () => xterm.cols,
    rows: () => xterm.rows,
    renderer: () => xterm.renderer,
  };
  window.__portholeTerminal = handle;
  return handle;
}

/** What the socket says, applied: output to xterm (acknowledged once drawn), status, masks, grant, watchers, the end. */
function listenToSocket(
  ws: TerminalSocket,
  xterm: XtermTerminal,
  { update, finish }: { update: (patch: Partial<TerminalSessionState>) => void; finish: (ending: SessionEnding) => void },
): void {
  // An error frame comes before the close it explains.
  let lastError: SessionEnding | undefined;
  ws.on('output', (bytes) => xterm.write(bytes, () => ws.acknowledge(bytes.length)));
  ws.on('status', ({ state: s, message }) => {
    if (s === 'connected') {
      update({ status: 'connected', connectedAt: Date.now(), message: undefined });
      xterm.focus();
    } else {
      update({ status: 'connecting', message });
    }
  });
  ws.on('mask', ({ count }) => update({ maskCount: count }));
  ws.on('grant', ({ expiresAt }) => update({ grantExpiresAt: expiresAt }));
  // Staying hands the keyboard back to the terminal (the button took the focus).
  const stay = () => {
    ws.stayActive();
    xterm.focus();
  };
  ws.on('idle', ({ endsAt }) => update({ idle: endsAt === undefined ? undefined : { endsAt, stay } }));
  ws.on('watchers', ({ names }) => update({ watchers: names }));
  ws.on('exit', ({ reason, message, exitCode }) => finish(endingFromReason(reason, message, exitCode)));
  ws.on('error', ({ message }) => {
    lastError = endingFromError(message);
  });
  ws.on('close', ({ code, reason }) => finish(lastError ?? endingFromClose(code, reason)));
}
