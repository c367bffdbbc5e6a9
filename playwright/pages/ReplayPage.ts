import { expect, type Locator, type Page } from '@playwright/test';

/** The replay page (/recordings/[id]): the player's state is on data-* attributes of its root. */
export class ReplayPage {
  readonly root: Locator;
  readonly screen: Locator;
  readonly timeline: Locator;
  readonly playButton: Locator;
  readonly speed: Locator;
  readonly integrity: Locator;
  readonly commands: Locator;
  /** Each command row's jump button (a row also has its "Save as snippet" button). */
  readonly commandJumps: Locator;
  readonly noteMarkers: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('replay');
    this.screen = page.getByTestId('replay-terminal').locator('.xterm-rows');
    this.timeline = page.getByRole('slider', { name: 'Timeline' });
    this.playButton = page.getByRole('button', { name: /^(Play|Pause)$/ });
    this.speed = page.getByRole('combobox', { name: 'Speed' });
    this.integrity = page.getByTestId('integrity');
    this.commands = page.getByRole('list', { name: 'Commands' });
    this.commandJumps = this.commands.getByRole('button', { name: /^(?!Save as snippet)/ });
    this.noteMarkers = page.getByTestId('note-marker');
  }

  async open(id: string, t?: number): Promise<void> {
    await this.page.goto(`/recordings/${id}${t === undefined ? '' : `?t=${t}`}`);
  }

  async expectStatus(status: string | RegExp): Promise<void> {
    await expect(this.root).toHaveAttribute('data-status', status);
  }

  async time(): Promise<number> {
    return Number(await this.root.getAttribute('data-time'));
  }

  async duration(): Promise<number> {
    return Number(await this.timeline.getAttribute('aria-valuemax'));
  }

  /** Clicks the timeline at a fraction of its width (0 = start, 1 = end). */
  async clickTimelineAt(fraction: number): Promise<void> {
    const box = await this.timeline.boundingBox();
    if (!box) throw new Error('the timeline is not visible');
    // Below the marker row, so the click lands on the track and not on a marker.
    await this.page.mouse.click(box.x + box.width * fraction, box.y + box.height - 6);
  }

  tab(name: 'Commands' | 'Notes'): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${name}`, 'i') });
  }
}
