'use client';

import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { TERMINAL_THEME } from './terminal-theme';
import { TerminalFindBar } from './TerminalFindBar';
import type { RendererKind } from './xterm-terminal';
import { useTerminalSession, type TerminalFind, type TerminalSessionState } from './use-terminal-session';

/**
 * The terminal surface of one session. Client-only (xterm touches the DOM when it loads):
 * import it through `next/dynamic` with `ssr: false`, as TerminalScreen does. Ctrl+Shift+F
 * opens a find bar over it.
 */
export default function Terminal({
  sessionId,
  renderer,
  onStateChange,
  pasteRef,
  disconnectRef,
}: {
  sessionId: string;
  renderer?: RendererKind;
  onStateChange?: (state: TerminalSessionState) => void;
  /** Filled with a paste that never runs anything (see useTerminalSession). */
  pasteRef?: { current: ((text: string) => boolean) | null };
  /** Filled with what ends the session from the page. */
  disconnectRef?: { current: (() => void) | null };
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const findRef = useRef<TerminalFind | null>(null);
  const [isFindOpen, setFindOpen] = useState(false);
  const [findFocus, setFindFocus] = useState(0);
  const openFind = useCallback(() => {
    setFindOpen(true);
    setFindFocus((n) => n + 1);
  }, []);
  const state = useTerminalSession({ sessionId, containerRef, renderer, findRef, pasteRef, disconnectRef, onFindRequest: openFind });
  // Also from the find bar itself (xterm hears the shortcut only while it has the focus).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey && event.shiftKey && !event.altKey && !event.metaKey && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      openFind();
    }
  };

  useEffect(() => onStateChange?.(state), [state, onStateChange]);

  return (
    <div
      data-testid="terminal"
      data-status={state.status}
      data-renderer={state.renderer}
      className="relative h-full w-full overflow-hidden px-2 pt-1.5"
      style={{ backgroundColor: TERMINAL_THEME.background }}
      onKeyDown={onKeyDown}
    >
      <div ref={containerRef} className="h-full w-full" />
      {isFindOpen ? <TerminalFindBar find={findRef} focusSignal={findFocus} onClose={() => setFindOpen(false)} /> : null}
    </div>
  );
}
