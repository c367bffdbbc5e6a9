import type { Page } from '@playwright/test';
import { startSshd, type Sshd } from '../test/harness/sshd';
import { connectTerminal } from '../test/harness/terminal-client';
import { expect, fromPorthole, test } from './fixtures';
import { ReplayPage } from './pages/ReplayPage';
import { TerminalPage } from './pages/TerminalPage';
import { createSshResource, type SshResource } from './ssh-target';

/** Find in the browser terminal's scrollback, and a wide recording's replay fitted to the window. */

let sshd: Sshd;
let resource: SshResource;

test.beforeAll(async ({ adminApi }, testInfo) => {
  sshd = await startSshd();
  resource = await createSshResource(adminApi, sshd, `find-fit-${testInfo.workerIndex}-${Date.now().toString(36)}`);
});

test.afterAll(async () => {
  await sshd?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('Ctrl+Shift+F finds a word printed earlier, steps through matches, and Escape closes', async ({ seed, loginAs }) => {
  test.setTimeout(90_000);
  const page = await loginAs(await seed.user({ roles: ['engineer'] }));
  await page.setViewportSize({ width: 1280, height: 800 });
  const terminal = new TerminalPage(page);
  await page.goto(`/resources/${resource.id}`);
  await page.getByRole('button', { name: 'Connect' }).click();
  await terminal.expectStatus('connected');

  await terminal.run('echo marker-$((40+2)); echo marker-$((50+3))');
  await terminal.waitForLine(/^marker-53$/);
  // Pushed well into the scrollback.
  await terminal.run('seq 1 200');
  await terminal.waitForLine(/^200$/);

  await page.keyboard.press('Control+Shift+F');
  const find = page.getByRole('searchbox', { name: 'Find in terminal' });
  await expect(find).toBeFocused();
  await find.fill('marker-');
  const count = page.getByTestId('find-count');
  // Twice in the command line, twice in its output.
  await expect(count).toHaveText(/^\d of 4$/);
  const first = await count.textContent();
  await page.keyboard.press('Enter');
  await expect(count).not.toHaveText(first!);
  await page.getByRole('button', { name: 'Previous match' }).click();
  await expect(count).toHaveText(first!);
  await find.fill('marker-53');
  await expect(count).toHaveText('1 of 1');
  await find.fill('not-printed-anywhere');
  await expect(count).toHaveText('No matches');

  await page.keyboard.press('Escape');
  await expect(find).toHaveCount(0);
  // The shell has the keyboard again, and nothing of the search was typed into it.
  await page.keyboard.type('echo after-$((2+2))');
  await page.keyboard.press('Enter');
  await terminal.waitForLine(/^after-4$/);
});

test('a 176×47 recording fits a 1440×900 window with its controls, and opens on its first drawn screen', async ({ seed, loginAs, harness }) => {
  test.setTimeout(90_000);
  const page = await loginAs(await seed.user({ roles: ['engineer'] }));
  await page.setViewportSize({ width: 1440, height: 900 });

  const created = await page.request.post('/api/v1/sessions', { headers: fromPorthole(), data: { resourceId: resource.id } });
  expect(created.status()).toBe(201);
  const { id, wsUrl } = (await created.json()) as { id: string; wsUrl: string };
  const term = await connectTerminal(`${wsUrl}&cols=176&rows=47`, { origin: harness.baseURL });
  await term.waitFor(/\$ $/);
  await sleep(300);
  term.type('seq 1 60\r');
  await term.waitFor(/\r\n60\r\n/);
  await sleep(300);
  term.type('exit\r');
  await term.closed;
  // Sealed once the gateway has ended the session: until then its duration is not final.
  await expect
    .poll(async () => ((await (await page.request.get(`/api/v1/recordings/${id}`)).json()) as { status: string }).status, { timeout: 20_000 })
    .toBe('complete');

  const replay = new ReplayPage(page);
  await replay.open(id);
  await replay.expectStatus('paused');
  // Not the black screen of t = 0: the first output that draws something (the prompt).
  await expect(replay.screen).toContainText('$');

  const viewport = page.viewportSize()!;
  const play = (await replay.playButton.boundingBox())!;
  expect(play.y + play.height).toBeLessThanOrEqual(viewport.height);
  const timeline = (await replay.timeline.boundingBox())!;
  expect(timeline.y + timeline.height).toBeLessThanOrEqual(viewport.height);
  // Scaled down, all 176 columns and 47 rows in view, the aspect kept.
  const screen = (await page.getByTestId('replay-terminal').locator('.xterm-screen').boundingBox())!;
  const region = (await page.getByRole('region', { name: 'Recorded terminal' }).boundingBox())!;
  expect(screen.x + screen.width).toBeLessThanOrEqual(region.x + region.width);
  expect(screen.y + screen.height).toBeLessThanOrEqual(play.y);
  const fontSize = await terminalFontSize(page);
  expect(fontSize).toBeLessThan(13);
  // 176 columns of 0.6 em by 47 rows of 1.15 em: about 1.95 (cells round to whole pixels at small sizes).
  expect(screen.width / screen.height).toBeGreaterThan(1.5);
  expect(screen.width / screen.height).toBeLessThan(2.3);

  // Full screen (the f key), the player's column fills the screen and the terminal grows into it.
  await replay.timeline.focus();
  await page.keyboard.press('f');
  await expect
    .poll(() => page.evaluate(() => document.fullscreenElement?.contains(document.querySelector('[data-testid="replay-terminal"]')) ?? false))
    .toBe(true);
  await expect(page.getByRole('button', { name: 'Full screen' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => terminalFontSize(page)).toBeGreaterThan(fontSize);
  const full = (await page.getByTestId('replay-terminal').locator('.xterm-screen').boundingBox())!;
  expect(full.width).toBeGreaterThan(screen.width);
  expect(full.x + full.width).toBeLessThanOrEqual(viewport.width);
  const fullPlay = (await replay.playButton.boundingBox())!;
  expect(full.y + full.height).toBeLessThanOrEqual(fullPlay.y);
  expect(fullPlay.y + fullPlay.height).toBeLessThanOrEqual(viewport.height);

  // The button leaves full screen, and the terminal fits the page again.
  await page.getByRole('button', { name: 'Full screen' }).click();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
  await expect.poll(() => terminalFontSize(page)).toBe(fontSize);

  await replay.playButton.click();
  await expect(replay.screen).toContainText('60', { timeout: 15_000 });
});

function terminalFontSize(page: Page): Promise<number> {
  return page
    .getByTestId('replay-terminal')
    .locator('.xterm-rows')
    .evaluate((rows) => parseFloat(getComputedStyle(rows).fontSize));
}
