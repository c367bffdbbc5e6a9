import { SearchAddon } from '@xterm/addon-search';
import type { Terminal } from '@xterm/xterm';
import { queryPatternSource } from '../search/highlight';

/** The terminal find bar's colours (xterm-terminal.ts), so a hit looks the same live and replayed. */
const DECORATIONS = {
  matchBackground: '#5c4a12',
  matchBorder: '#a37f1a',
  matchOverviewRuler: '#d4a72c',
  activeMatchBackground: '#d4a72c',
  activeMatchBorder: '#ffffff',
  activeMatchColorOverviewRuler: '#ffffff',
};

/**
 * Marks a search query on the replay's screen: every match on screen and in its scrollback,
 * the latest one (nearest the prompt, where a hit just printed) selected. A seek rewrites the
 * terminal and drops the marks, so the replay calls `show` again after each one.
 */
export class ScreenHighlight {
  private readonly search = new SearchAddon();

  constructor(private readonly terminal: Terminal) {
    terminal.loadAddon(this.search);
  }

  /** Marks `query` (its whole text, phrases and words, any case); the number of matches, via `onMatches`. */
  show(query: string): boolean {
    this.clear();
    const source = queryPatternSource(query);
    if (!source) return false;
    return this.search.findPrevious(source, { regex: true, caseSensitive: false, decorations: DECORATIONS });
  }

  onMatches(listener: (count: number) => void): { dispose(): void } {
    return this.search.onDidChangeResults(({ resultCount }) => listener(resultCount));
  }

  clear(): void {
    this.search.clearDecorations();
    this.terminal.clearSelection();
  }

  dispose(): void {
    this.search.dispose();
  }
}
