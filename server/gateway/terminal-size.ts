import type { TerminalSize } from '../connectors/terminal-connector';
import { clientMessage } from './protocol';

export const DEFAULT_TERMINAL_SIZE: TerminalSize = { cols: 80, rows: 24 };

/** The initial PTY size from `?cols=&rows=` on the socket URL, validated like a resize frame. */
export function terminalSizeFromUrl(url: URL): TerminalSize {
  const parsed = clientMessage.safeParse({ type: 'resize', cols: Number(url.searchParams.get('cols')), rows: Number(url.searchParams.get('rows')) });
  return parsed.success && parsed.data.type === 'resize' ? { cols: parsed.data.cols, rows: parsed.data.rows } : DEFAULT_TERMINAL_SIZE;
}
