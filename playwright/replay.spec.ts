import fs from 'node:fs';
import path from 'node:path';
import { CHUNK_HEADER_BYTES } from '../server/recording/format';
import { startSshd, type Sshd } from '../test/harness/sshd';
import { connectTerminal } from '../test/harness/terminal-client';
import { expect, fromPorthole, test } from './fixtures';
import { ReplayPage } from './pages/ReplayPage';
import { createSshResource, type SshResource } from './ssh-target';

/** Replay end to end: a real session through the gateway, then its recording in Chromium. */

let sshd: Sshd;
let resource: SshResource;

test.beforeAll(async ({ adminApi }, testInfo) => {
  sshd = await startSshd();
  resource = await createSshResource(adminApi, sshd, `replay-${testInfo.workerIndex}-${Date.now().toString(36)}`);
});

test.afterAll(async () => {
  await sshd?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('replay plays, seeks by the timeline, jumps by command, changes speed, keeps a note, copies text, opens at ?t', async ({ seed, loginAs, harness }) => {
  test.setTimeout(120_000);
  const engineer = await seed.user({ roles: ['engineer'] });
  const page = await loginAs(engineer);
  await page.setViewportSize({ width: 1400, height: 900 });
  const replay = new ReplayPage(page);

  const id = await test.step('a session is recorded: three commands a second or more apart', async () => {
    const created = await page.request.post('/api/v1/sessions', { headers: fromPorthole(), data: { resourceId: resource.id } });
    expect(created.status()).toBe(201);
    const { id, wsUrl } = (await created.json()) as { id: string; wsUrl: string };
    const term = await connectTerminal(`${wsUrl}&cols=100&rows=30`, { origin: harness.baseURL });
    // Typed like a person, so each command line is on screen when its Enter is pressed.
    const typeLine = async (line: string) => {
      for (const key of line) {
        term.type(key);
        await sleep(15);
      }
      term.type('\r');
    };
    await term.waitFor(/\$ $/);
    // A person reads the prompt before typing: the command index finds prompts by that pause.
    await sleep(500);
    await typeLine('echo first-$((1+1))');
    await term.waitFor(/first-2/);
    await sleep(1500);
    await typeLine('seq 1 300 | tail -n 3');
    await term.waitFor(/\r\n300\r\n/);
    await sleep(1500);
    await typeLine('echo third-$((3*3))');
    await term.waitFor(/third-9/);
    await sleep(1000);
    await typeLine('exit');
    await term.closed;
    // Opening the recording indexes it if the background indexer has not yet.
    await expect.poll(async () => ((await (await page.request.get(`/api/v1/recordings/${id}`)).json()) as { commandCount: number }).commandCount).toBe(4);
    return id;
  });

  await test.step('another engineer cannot see it', async () => {
    const other = await loginAs(await seed.user({ roles: ['engineer'] }));
    expect((await other.request.get(`/api/v1/recordings/${id}`)).status()).toBe(404);
  });

  await test.step('the page opens at the start, with the integrity check passed', async () => {
    await replay.open(id);
    await replay.expectStatus('paused');
    await expect(replay.integrity).toHaveAttribute('data-status', 'valid');
    await expect(replay.commandJumps).toHaveCount(4);
  });

  await test.step('play shows the session as it ran', async () => {
    await replay.playButton.click();
    await replay.expectStatus(/playing|ended/);
    await expect(replay.screen).toContainText('first-2', { timeout: 10_000 });
    await page.keyboard.press('Space');
    await replay.expectStatus('paused');
  });

  await test.step('clicking the timeline near its end seeks there', async () => {
    await replay.clickTimelineAt(0.97);
    await replay.expectStatus('paused');
    expect(await replay.time()).toBeGreaterThan((await replay.duration()) * 0.9);
    await expect(replay.screen).toContainText('third-9');
    await replay.clickTimelineAt(0.01);
    await expect.poll(() => replay.time()).toBeLessThan(1);
    await expect(replay.screen).not.toContainText('third-9');
  });

  await test.step('a command in the list jumps to it; ] goes to the next', async () => {
    await replay.commandJumps.filter({ hasText: 'seq 1 300' }).click();
    await expect(replay.screen).toContainText('seq 1 300');
    await expect(replay.screen).not.toContainText('third-9');
    await expect(replay.commands.locator('[aria-current="true"]')).toContainText('seq 1 300');
    await page.keyboard.press(']');
    await expect(replay.commands.locator('[aria-current="true"]')).toContainText('echo third');
  });

  await test.step('speed changes from the control and the keyboard', async () => {
    await replay.speed.selectOption('4');
    await expect(replay.root).toHaveAttribute('data-speed', '4');
    await page.keyboard.press('>');
    await expect(replay.root).toHaveAttribute('data-speed', '8');
    await page.keyboard.press('<');
    await page.keyboard.press('<');
    await expect(replay.root).toHaveAttribute('data-speed', '2');
  });

  await test.step('a note at the current moment shows as a marker after reload', async () => {
    await replay.clickTimelineAt(0.5);
    await replay.expectStatus('paused');
    await replay.tab('Notes').click();
    await page.getByRole('button', { name: /Add a note at/ }).click();
    await page.getByRole('textbox', { name: 'Note', exact: true }).fill('The `seq` output **looks** right');
    await page.getByRole('textbox', { name: 'Tags' }).fill('review, seq');
    await page.getByRole('button', { name: 'Save note' }).click();
    await expect(page.getByTestId('note')).toContainText('The seq output looks right');
    await expect(replay.noteMarkers).toHaveCount(1);
    await page.reload();
    await replay.expectStatus('paused');
    await expect(replay.noteMarkers).toHaveCount(1);
    await replay.tab('Notes').click();
    await expect(page.getByTestId('note').locator('strong')).toHaveText('looks');
    await expect(page.getByTestId('note')).toContainText('#seq');
  });

  await test.step('paused, text on the screen can be selected and copied', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await replay.open(id, await replay.duration());
    // At the very end the player may call itself ended rather than paused: either way it is still.
    await replay.expectStatus(/^(paused|ended)$/);
    // A triple click on the line selects it, as in a live xterm (the screen layer takes the mouse).
    // xterm draws a write on its next frame: wait for the line before measuring it.
    const firstLine = replay.screen.getByText('first-2', { exact: true });
    await expect(firstLine).toBeVisible();
    // xterm redraws a row by replacing its element: one measured as it is replaced has no box (a
    // CI run failed so), so it is measured until it has one.
    let line: Awaited<ReturnType<typeof firstLine.boundingBox>> = null;
    await expect.poll(async () => (line = await firstLine.boundingBox())).not.toBeNull();
    await page.mouse.click(line!.x + 5, line!.y + line!.height / 2, { clickCount: 3 });
    await page.getByRole('button', { name: 'Copy selection' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Selection copied' })).toBeVisible();
    expect((await page.evaluate(() => navigator.clipboard.readText())).trim()).toBe('first-2');
  });

  await test.step('a deep link opens at ?t', async () => {
    await replay.open(id, 2.5);
    await replay.expectStatus('paused');
    expect(Math.abs((await replay.time()) - 2.5)).toBeLessThan(0.05);
  });

  await test.step('the note is listed on My notes, by tag', async () => {
    await page.goto('/notes?tag=seq');
    await expect(page.getByTestId('my-note')).toHaveCount(1);
    await page
      .getByTestId('my-note')
      .getByRole('link', { name: new RegExp(resource.name) })
      .click();
    await expect(page).toHaveURL(new RegExp(`/recordings/${id}\\?t=`));
    await replay.expectStatus('paused');
  });
});

test('a tampered recording says so: one flipped byte in a sealed chunk fails verification', async ({ seed, loginAs, harness }) => {
  test.setTimeout(60_000);
  const engineer = await seed.user({ roles: ['engineer'] });
  const page = await loginAs(engineer);
  await page.setViewportSize({ width: 1280, height: 800 });
  const replay = new ReplayPage(page);
  type Verify = { isValid: boolean; failedChunk: number | null; problem: string | null };
  const verify = async (id: string) => (await (await page.request.get(`/api/v1/recordings/${id}/verify`)).json()) as Verify;

  const id = await test.step('a short session is recorded and sealed', async () => {
    const created = await page.request.post('/api/v1/sessions', { headers: fromPorthole(), data: { resourceId: resource.id } });
    expect(created.status()).toBe(201);
    const { id, wsUrl } = (await created.json()) as { id: string; wsUrl: string };
    const term = await connectTerminal(`${wsUrl}&cols=100&rows=30`, { origin: harness.baseURL });
    await term.waitFor(/\$ $/);
    // A second on screen, so the replay has a moment to open at.
    await sleep(1000);
    term.type('echo tamper-$((6*7))\r');
    await term.waitFor(/tamper-42/);
    term.type('exit\r');
    await term.closed;
    await expect.poll(async () => ((await (await page.request.get(`/api/v1/recordings/${id}`)).json()) as { status: string }).status).toBe('complete');
    expect(await verify(id)).toMatchObject({ isValid: true, failedChunk: null });
    return id;
  });

  await test.step("one byte in the middle of the first chunk's body is flipped on disk", async () => {
    const file = path.join(harness.tmpDir, 'data', 'recordings', id, 'chunk-00000000.phc');
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBeGreaterThan(CHUNK_HEADER_BYTES);
    const offset = CHUNK_HEADER_BYTES + Math.floor((bytes.length - CHUNK_HEADER_BYTES) / 2);
    bytes[offset] = bytes[offset]! ^ 0xff;
    fs.writeFileSync(file, bytes);
  });

  await test.step('the API says the chain no longer verifies, at chunk 0', async () => {
    const result = await verify(id);
    expect(result).toMatchObject({ isValid: false, failedChunk: 0 });
    expect(result.problem).toMatch(/chunk 0/);
  });

  await test.step('the replay page says so, and which chunk', async () => {
    await replay.open(id, 60);
    await expect(replay.integrity).toHaveAttribute('data-status', 'invalid');
    await expect(replay.integrity).toHaveAttribute('data-failed-chunk', '0');
    const badge = replay.integrity.getByRole('button', { name: 'Verification failed at chunk 0' });
    await expect(badge).toBeVisible();
    await badge.click();
    const details = replay.integrity.getByRole('alert');
    await expect(details).toContainText('This recording fails its integrity check');
    await expect(details).toContainText(/Chunk 0 (does not|holds|is damaged)/);
    await expect(details).toContainText('changed or damaged after it was recorded');
  });

  await test.step('screenshots of the failed state with its explanation open, light and dark (for review)', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      // The system theme, as a reader's browser sets it (a class flip would catch colours mid-transition).
      await page.emulateMedia({ colorScheme: scheme });
      await page.reload();
      await replay.integrity.getByRole('button', { name: 'Verification failed at chunk 0' }).click();
      await expect(replay.integrity.getByRole('alert')).toBeVisible();
      await expect(replay.root).not.toHaveAttribute('data-status', 'loading');
      await page.screenshot({ path: test.info().outputPath(`replay-tampered-${scheme}.png`) });
    }
  });
});
