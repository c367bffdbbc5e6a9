import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { WebglAddon } from '@xterm/addon-webgl';
import { Terminal, type IDisposable } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { TERMINAL_THEME } from './terminal-theme';

/**
 * An xterm.js terminal in a container, with no knowledge of sockets: it reports input and
 * size changes through callbacks and writes output with a completion callback (which is
 * what flow control acknowledges). Everything it creates goes away with `dispose()`.
 */

export type RendererKind = 'webgl' | 'dom';

export type XtermTerminalOptions = {
  onInput: (data: string | Uint8Array) => void;
  onResize: (cols: number, rows: number) => void;
  /** `dom` skips WebGL entirely (tests of the fallback, or a user preference). */
  renderer?: RendererKind;
  onRendererChange?: (renderer: RendererKind) => void;
  /** Ctrl+Shift+F in the terminal: the page opens its find bar. */
  onFindRequest?: () => void;
};

/** Matches found by `find`: `index` is the active one (0-based; -1 past the highlight limit). */
export type FindResults = { index: number; count: number };

/** Every match highlighted, the active one brighter (the addon wants #RRGGBB colours). */
const FIND_DECORATIONS = {
  matchBackground: '#5c4a12',
  matchBorder: '#a37f1a',
  matchOverviewRuler: '#d4a72c',
  activeMatchBackground: '#d4a72c',
  activeMatchBorder: '#ffffff',
  activeMatchColorOverviewRuler: '#ffffff',
};

const FONT_FAMILY = "'DejaVu Sans Mono', 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace";

export class XtermTerminal {
  readonly terminal: Terminal;
  readonly search: SearchAddon;
  private readonly fit = new FitAddon();
  private readonly disposables: IDisposable[] = [];
  private readonly resizeObserver: ResizeObserver;
  private webgl: WebglAddon | undefined;
  private fitFrame = 0;
  private isDisposed = false;
  renderer: RendererKind = 'dom';

  constructor(
    private readonly container: HTMLElement,
    private readonly options: XtermTerminalOptions,
  ) {
    this.terminal = new Terminal({
      allowProposedApi: true,
      cursorBlink: true,
      fontFamily: FONT_FAMILY,
      fontSize: 14,
      lineHeight: 1.15,
      scrollback: 10_000,
      theme: TERMINAL_THEME,
    });
    this.search = new SearchAddon();
    this.terminal.loadAddon(this.fit);
    this.terminal.loadAddon(this.search);
    this.terminal.loadAddon(new WebLinksAddon());
    this.terminal.loadAddon(new Unicode11Addon());
    this.terminal.unicode.activeVersion = '11';
    this.terminal.attachCustomKeyEventHandler((event) => this.handleKey(event));
    this.terminal.open(container);
    if (options.renderer !== 'dom') this.enableWebgl();

    this.disposables.push(
      this.terminal.onData((data) => options.onInput(data)),
      // Some mouse reports are raw bytes in a binary string, not UTF-16 text.
      this.terminal.onBinary((data) => options.onInput(Uint8Array.from(data, (c) => c.charCodeAt(0) & 0xff))),
      this.terminal.onResize(({ cols, rows }) => options.onResize(cols, rows)),
    );
    this.resizeObserver = new ResizeObserver(() => this.scheduleFit());
    this.resizeObserver.observe(container);
    this.fitNow();
  }

  get cols(): number {
    return this.terminal.cols;
  }

  get rows(): number {
    return this.terminal.rows;
  }

  /** Writes output; `done` runs once xterm has parsed it (the flow-control acknowledgement). */
  write(data: Uint8Array | string, done?: () => void): void {
    this.terminal.write(data, done);
  }

  focus(): void {
    this.terminal.focus();
  }

  /**
   * Finds `query` in the screen and scrollback (case-insensitive), moving to the next or
   * previous match; results are reported through `onFindResults`.
   */
  find(query: string, direction: 'next' | 'previous', { isIncremental = false } = {}): boolean {
    if (!query) {
      this.clearFind();
      return false;
    }
    const options = { decorations: FIND_DECORATIONS, incremental: isIncremental };
    return direction === 'next' ? this.search.findNext(query, options) : this.search.findPrevious(query, options);
  }

  onFindResults(listener: (results: FindResults) => void): IDisposable {
    return this.search.onDidChangeResults(({ resultIndex, resultCount }) => listener({ index: resultIndex, count: resultCount }));
  }

  clearFind(): void {
    this.search.clearDecorations();
    this.terminal.clearSelection();
  }

  /** Plain text of the whole buffer (scrollback included), one line per row. */
  bufferText(): string {
    const buffer = this.terminal.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < buffer.length; y++) lines.push(buffer.getLine(y)?.translateToString(true) ?? '');
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    cancelAnimationFrame(this.fitFrame);
    this.resizeObserver.disconnect();
    for (const disposable of this.disposables) disposable.dispose();
    this.disposeWebgl();
    // Disposing the terminal disposes the addons it loaded.
    this.terminal.dispose();
    this.container.replaceChildren();
  }

  private enableWebgl(): void {
    try {
      const webgl = new WebglAddon();
      this.terminal.loadAddon(webgl);
      this.webgl = webgl;
      this.disposables.push(webgl.onContextLoss(() => this.fallBackToDom()));
      this.setRenderer('webgl');
    } catch {
      // No WebGL2 here (or it failed to start): xterm keeps its DOM renderer.
      this.setRenderer('dom');
    }
  }

  private fallBackToDom(): void {
    this.disposeWebgl();
    this.setRenderer('dom');
  }

  private disposeWebgl(): void {
    const webgl = this.webgl;
    this.webgl = undefined;
    try {
      webgl?.dispose();
    } catch {
      // A lost context can make the addon's own cleanup throw; the DOM renderer takes over anyway.
    }
  }

  private setRenderer(renderer: RendererKind): void {
    this.renderer = renderer;
    this.options.onRendererChange?.(renderer);
  }

  /**
   * Puts `text` at the prompt as a paste, never pressing Enter: trailing line breaks and
   * control characters go, and text of several lines is refused unless the shell asked for
   * bracketed paste (where a pasted line break runs nothing). Says whether it was pasted.
   */
  pasteWithoutRunning(text: string): boolean {
    const clean = text
      .replace(/\r\n?/g, '\n')
      .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
      .replace(/\n+$/, '');
    if (clean.includes('\n') && !this.terminal.modes.bracketedPasteMode) return false;
    this.terminal.paste(clean);
    this.terminal.focus();
    return true;
  }

  private scheduleFit(): void {
    if (this.isDisposed) return;
    cancelAnimationFrame(this.fitFrame);
    this.fitFrame = requestAnimationFrame(() => this.fitNow());
  }

  private fitNow(): void {
    if (this.isDisposed || this.container.clientWidth === 0 || this.container.clientHeight === 0) return;
    try {
      this.fit.fit();
    } catch {
      // fit() measures the renderer; a terminal mid-teardown has nothing to measure.
    }
    this.options.onResize(this.terminal.cols, this.terminal.rows);
  }

  /** Ctrl+Shift+C copies the selection, Ctrl+Shift+V pastes, Ctrl+Shift+F finds; everything else goes to xterm. */
  private handleKey(event: KeyboardEvent): boolean {
    if (!event.ctrlKey || !event.shiftKey || event.altKey || event.metaKey) return true;
    const key = event.key.toLowerCase();
    if (key === 'f' && this.options.onFindRequest) {
      if (event.type === 'keydown') {
        event.preventDefault();
        this.options.onFindRequest();
      }
      return false;
    }
    if (key === 'c') {
      if (event.type === 'keydown') {
        event.preventDefault();
        if (this.terminal.hasSelection()) void copyText(this.terminal.getSelection());
      }
      return false;
    }
    if (key === 'v') {
      // Returning false leaves the event to the browser, whose native paste lands in
      // xterm's textarea and goes through xterm's paste handling (bracketed paste included).
      return false;
    }
    return true;
  }
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Without the async clipboard (plain http, no permission), fall back to a copy command.
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}
