import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { FULL_FONT_SIZE, fitFontSize } from '../replay/replay-fit';
import { endingFromClose, endingFromError, endingFromReason, type SessionEnding } from './session-ending';
import { TERMINAL_THEME } from './terminal-theme';
import { TerminalSocket } from './terminal-socket';

export type WatchStatus = 'connecting' | 'watching' | 'closed' | 'error';
export type WatchState = { status: WatchStatus; size?: { cols: number; rows: number }; ending?: SessionEnding };

const FONT_FAMILY = "'DejaVu Sans Mono', 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace";

/**
 * A read-only view of someone else's live terminal, with no React: a DOM-rendered xterm kept
 * at the watched session's size (its font scaled to the room, as replay does), fed by the
 * watch socket: the current screen, then the output. Nothing typed here is sent anywhere.
 */
export class WatchView {
  readonly terminal: Terminal;
  private socket: TerminalSocket | undefined;
  private readonly resizeObserver: ResizeObserver;
  private lastError: SessionEnding | undefined;
  private isDisposed = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly onState: (state: WatchState) => void,
  ) {
    this.terminal = new Terminal({
      disableStdin: true,
      cursorBlink: false,
      scrollback: 5_000,
      fontFamily: FONT_FAMILY,
      fontSize: FULL_FONT_SIZE,
      lineHeight: 1.15,
      theme: TERMINAL_THEME,
    });
    this.terminal.open(container);
    this.resizeObserver = new ResizeObserver(() => this.fit());
    this.resizeObserver.observe(container);
  }

  /** Opens the watch socket (the URL carries a single-use ticket). */
  connect(wsUrl: string): void {
    const socket = new TerminalSocket(wsUrl);
    this.socket = socket;
    socket.on('screen', ({ cols, rows }) => {
      // A fresh start (first or after a resync): the current screen follows as output.
      this.terminal.reset();
      this.resize(cols, rows);
      this.onState({ status: 'watching', size: { cols, rows } });
    });
    socket.on('size', ({ cols, rows }) => {
      this.resize(cols, rows);
      this.onState({ status: 'watching', size: { cols, rows } });
    });
    socket.on('output', (bytes) => this.terminal.write(bytes));
    socket.on('error', ({ code, message }) => {
      if (code !== 'read_only') this.lastError = endingFromError(message);
    });
    socket.on('exit', ({ reason, message }) => this.finish(endingFromReason(reason, message, null, { isOwn: false })));
    socket.on('close', ({ code, reason }) => this.finish(this.lastError ?? endingFromClose(code, reason)));
  }

  fail(message: string): void {
    this.finish(endingFromError(message));
  }

  text(): string {
    const buffer = this.terminal.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < buffer.length; y++) lines.push(buffer.getLine(y)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  dispose(): void {
    this.isDisposed = true;
    this.resizeObserver.disconnect();
    this.socket?.dispose();
    this.terminal.dispose();
  }

  private finish(ending: SessionEnding): void {
    if (this.isDisposed) return;
    this.socket?.dispose();
    this.onState({ status: ending.tone === 'error' ? 'error' : 'closed', ending });
  }

  private resize(cols: number, rows: number): void {
    this.terminal.resize(cols, rows);
    this.fit();
  }

  /** Largest font at which the session's cols × rows fit the room (never above the usual size). */
  private fit(): void {
    const screen = this.terminal.element?.querySelector<HTMLElement>('.xterm-screen');
    if (this.isDisposed || !screen) return;
    const room = { width: this.container.clientWidth, height: this.container.clientHeight };
    const current = this.terminal.options.fontSize ?? FULL_FONT_SIZE;
    const next = fitFontSize({ current, screen: { width: screen.offsetWidth, height: screen.offsetHeight }, room });
    if (next !== current) this.terminal.options.fontSize = next;
  }
}
