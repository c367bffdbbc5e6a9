'use client';

import { useEffect, useRef } from 'react';
import { TERMINAL_THEME } from './terminal-theme';
import type { RendererKind } from './xterm-terminal';
import { useTerminalSession, type TerminalSessionState } from './use-terminal-session';

/**
 * The terminal surface of one session. Client-only (xterm touches the DOM when it loads):
 * import it through `next/dynamic` with `ssr: false`, as TerminalScreen does.
 */
export default function Terminal({
  sessionId,
  renderer,
  onStateChange,
}: {
  sessionId: string;
  renderer?: RendererKind;
  onStateChange?: (state: TerminalSessionState) => void;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const state = useTerminalSession({ sessionId, containerRef, renderer });

  useEffect(() => onStateChange?.(state), [state, onStateChange]);

  return (
    <div
      data-testid="terminal"
      data-status={state.status}
      data-renderer={state.renderer}
      className="h-full w-full overflow-hidden px-2 pt-1.5"
      style={{ backgroundColor: TERMINAL_THEME.background }}
    >
      <div ref={containerRef} className="h-full w-full" />
    </div>
  );
}
