import { startSshd, type Sshd } from '../test/harness/sshd';
import { expect, fromPorthole, test } from './fixtures';
import { TerminalPage } from './pages/TerminalPage';
import { createSshResource, type SshResource } from './ssh-target';

/** The browser terminal end to end: Chromium → Porthole's gateway → a real OpenSSH sshd. */

let sshd: Sshd;
let resource: SshResource;

test.beforeAll(async ({ adminApi }, testInfo) => {
  sshd = await startSshd();
  resource = await createSshResource(adminApi, sshd, `sshd-${testInfo.workerIndex}-${Date.now().toString(36)}`);
});

test.afterAll(async () => {
  await sshd?.stop();
});

test('an engineer connects from the resource page, runs a command, resizes, and exits', async ({ seed, loginAs }) => {
  test.setTimeout(90_000);
  const engineer = await seed.user({ roles: ['engineer'] });
  const page = await loginAs(engineer);
  await page.setViewportSize({ width: 1280, height: 800 });
  const terminal = new TerminalPage(page);

  await test.step('Connect opens the terminal tab', async () => {
    await page.goto(`/resources/${resource.id}`);
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page).toHaveURL(/\/terminal\/[0-9a-f-]{36}$/);
    await terminal.expectStatus('connected');
    await expect(page.getByRole('banner')).toContainText(resource.name);
  });

  await test.step('a command runs on the host and its output shows', async () => {
    await terminal.run('echo $((6*7))');
    await terminal.waitForLine(/^42$/);
  });

  await test.step('the PTY follows the window size', async () => {
    await terminal.run('echo "size=$(stty size)"');
    const [, rows1, cols1] = await terminal.waitForLine(/^size=(\d+) (\d+)$/);
    expect(await terminal.size()).toEqual({ cols: Number(cols1), rows: Number(rows1) });

    await page.setViewportSize({ width: 900, height: 560 });
    await expect.poll(async () => (await terminal.size()).cols).toBeLessThan(Number(cols1));
    const smaller = await terminal.size();
    await terminal.run('echo "resized=$(stty size)"');
    const [, rows2, cols2] = await terminal.waitForLine(/^resized=(\d+) (\d+)$/);
    expect({ cols: Number(cols2), rows: Number(rows2) }).toEqual(smaller);
    expect(Number(rows2)).toBeLessThan(Number(rows1));
  });

  await test.step('the full-screen toggle', async () => {
    await terminal.fullScreen.click();
    await expect(terminal.fullScreen).toHaveAttribute('aria-pressed', 'true');
    await terminal.fullScreen.click();
    await expect(terminal.fullScreen).toHaveAttribute('aria-pressed', 'false');
  });

  await test.step('Ctrl+C stops an output flood and the shell answers again', async () => {
    await terminal.run('base64 /dev/urandom');
    await expect.poll(async () => (await terminal.screenText()).length, { message: 'flood output on screen' }).toBeGreaterThan(4_000);
    await page.keyboard.press('Control+C');
    await terminal.run('echo "after:$((5+5))"');
    // What was in flight (the flow-control window) still renders first: give it time.
    await terminal.waitForLine(/^after:10$/, 30_000);
  });

  await test.step('exit ends the session with a banner that says why', async () => {
    await terminal.run('exit');
    await expect(terminal.banner).toContainText('You exited the shell');
    await terminal.expectStatus('closed');
    await expect(terminal.banner.getByRole('link', { name: `Back to ${resource.name}` })).toBeVisible();
    const session = page.url().split('/').pop()!;
    await expect(terminal.banner.getByRole('link', { name: 'Watch the recording' })).toHaveAttribute('href', `/recordings/${session}`);
    const row = (await (await page.request.get(`/api/v1/sessions/${session}`)).json()) as { status: string; endReason: string };
    expect(row).toMatchObject({ status: 'ended', endReason: 'user_exit' });
  });

  await test.step('reloading an ended session shows the banner, not a new shell', async () => {
    await page.reload();
    await expect(terminal.banner).toContainText('You exited the shell');
    await terminal.expectStatus('closed');
  });
});

test('Disconnect in the bar ends the session: the banner says so, the gateway records who ended it', async ({ seed, loginAs }) => {
  const engineer = await seed.user({ roles: ['engineer'] });
  const page = await loginAs(engineer);
  const terminal = new TerminalPage(page);
  await page.goto(`/resources/${resource.id}`);
  await page.getByRole('button', { name: 'Connect' }).click();
  await terminal.expectStatus('connected');
  await terminal.run('echo before-$((2+3))');
  await terminal.waitForLine(/^before-5$/);
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(terminal.banner).toContainText('You disconnected');
  await terminal.expectStatus('closed');
  await expect(page.getByRole('button', { name: 'Disconnect' })).toHaveCount(0);
  const session = page.url().split('/').pop()!;
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/sessions/${session}`)).json()) as { status: string; endReason?: string }, { timeout: 15_000 })
    .toMatchObject({ status: 'ended', endReason: 'disconnected' });
  // The sessions list says what happened: the page closed the terminal, the shell did not exit.
  await page.goto('/sessions');
  const row = page.getByRole('row').filter({ hasText: resource.name });
  await expect(row).toContainText('You closed the terminal');
  await expect(row).not.toContainText('exited the shell');
});

test('two terminals in two tabs, one on the DOM renderer; copy and paste; no ticket in the page', async ({ seed, loginAs, baseURL }) => {
  const engineer = await seed.user({ roles: ['engineer'] });
  const first = await loginAs(engineer);
  await first.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const second = await first.context().newPage();

  const openSession = async () => {
    const response = await first.request.post('/api/v1/sessions', { headers: fromPorthole(), data: { resourceId: resource.id } });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const [idA, idB] = [await openSession(), await openSession()];

  await first.goto(`/terminal/${idA}`);
  await second.goto(`/terminal/${idB}?renderer=dom`);
  const a = new TerminalPage(first);
  const b = new TerminalPage(second);
  await a.expectStatus('connected');
  await b.expectStatus('connected');
  await expect(b.terminal).toHaveAttribute('data-renderer', 'dom');

  await a.run('echo "tab-a:$((1+1))"');
  await b.run('echo "tab-b:$((2+2))"');
  await a.waitForLine(/^tab-a:2$/);
  await b.waitForLine(/^tab-b:4$/);
  expect(await a.screenText()).not.toContain('tab-b:4');

  await test.step('Ctrl+Shift+C copies the selection, Ctrl+Shift+V pastes', async () => {
    // A triple click selects the row (DOM renderer: rows are elements).
    const row = second.locator('.xterm-rows > div', { hasText: /^tab-b:4$/ });
    const box = (await row.boundingBox())!;
    await second.mouse.click(box.x + 10, box.y + box.height / 2, { clickCount: 3 });
    await second.keyboard.press('Control+Shift+C');
    await expect.poll(() => second.evaluate(() => navigator.clipboard.readText())).toContain('tab-b:4');
    await second.evaluate(() => navigator.clipboard.writeText('echo "pasted:$((2+3))"'));
    await second.keyboard.press('Control+Shift+V');
    await second.keyboard.press('Enter');
    await b.waitForLine(/^pasted:5$/);
  });

  // The page HTML never carries a socket ticket: the client fetches a fresh one.
  const html = await (await first.request.get(`/terminal/${idA}`)).text();
  expect(html).not.toMatch(/ticket=|wsUrl/);

  // Closing a tab ends its session; the other keeps working.
  await second.close();
  await expect.poll(async () => ((await (await first.request.get(`/api/v1/sessions/${idB}`)).json()) as { status: string }).status).toBe('ended');
  await a.run('echo "still:$((3+3))"');
  await a.waitForLine(/^still:6$/);
});
