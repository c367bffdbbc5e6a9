import { expect, type Locator, type Page } from '@playwright/test';

/** /terminal/:id: the status bar, the xterm surface (data-status) and the end banner. */
export class TerminalPage {
  readonly terminal: Locator;
  readonly banner: Locator;
  readonly fullScreen: Locator;

  constructor(readonly page: Page) {
    this.terminal = page.getByTestId('terminal');
    this.banner = page.getByRole('status');
    this.fullScreen = page.getByRole('button', { name: 'Full screen' });
  }

  async expectStatus(status: 'connecting' | 'connected' | 'closed' | 'error', timeout = 20_000): Promise<void> {
    await expect(this.terminal).toHaveAttribute('data-status', status, { timeout });
  }

  /** The whole xterm buffer as text, through the handle the terminal exposes for tests. */
  screenText(): Promise<string> {
    return this.page.evaluate(() => window.__portholeTerminal?.text() ?? '');
  }

  size(): Promise<{ cols: number; rows: number }> {
    return this.page.evaluate(() => ({ cols: window.__portholeTerminal?.cols() ?? 0, rows: window.__portholeTerminal?.rows() ?? 0 }));
  }

  /** Types a command line into the terminal, as keystrokes. */
  async run(command: string): Promise<void> {
    await this.terminal.click();
    await this.page.keyboard.type(command);
    await this.page.keyboard.press('Enter');
  }

  /** Waits until the screen has a line matching `pattern` and returns its match. */
  async waitForLine(pattern: RegExp, timeout = 10_000): Promise<RegExpMatchArray> {
    let match: RegExpMatchArray | null = null;
    await expect
      .poll(
        async () => {
          match = null;
          const lines = (await this.screenText()).split('\n');
          for (let i = lines.length - 1; i >= 0 && !match; i--) match = (lines[i] ?? '').match(pattern);
          return match !== null;
        },
        { timeout, message: `a terminal line matching ${pattern}` },
      )
      .toBe(true);
    return match!;
  }
}
