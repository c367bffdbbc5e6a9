import { startSshd, type Sshd } from '../test/harness/sshd';
import { connectTerminal } from '../test/harness/terminal-client';
import { expect, fromPorthole, test } from './fixtures';
import { shootPage } from './support/screenshots';
import { ReplayPage } from './pages/ReplayPage';
import { TerminalPage } from './pages/TerminalPage';
import { createSshResource, type SshResource } from './ssh-target';

/**
 * Snippets end to end: a command from a replay is saved, found on /snippets, copied, and
 * opened on its resource, where it waits at the prompt until the user runs it.
 * PAGE_SCREENSHOTS=<dir> saves the dialog, the list and the paste bar at both widths, both themes.
 */

let sshd: Sshd;
let resource: SshResource;

test.beforeAll(async ({ adminApi }, testInfo) => {
  sshd = await startSshd();
  resource = await createSshResource(adminApi, sshd, `snippets-${testInfo.workerIndex}-${Date.now().toString(36)}`);
});

test.afterAll(async () => {
  await sshd?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const COMMAND = 'echo snippet-$((6*7))';

test('a command saved from a replay is found, copied and offered at the prompt of a new terminal, not run', async ({ seed, loginAs, harness, adminApi }) => {
  test.setTimeout(150_000);
  const engineer = await seed.user({ roles: ['engineer'] });
  const page = await loginAs(engineer);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.baseURL });
  await page.setViewportSize({ width: 1440, height: 900 });

  const recordingId = await test.step('a session runs the command', async () => {
    const created = await page.request.post('/api/v1/sessions', { headers: fromPorthole(), data: { resourceId: resource.id } });
    expect(created.status()).toBe(201);
    const { id, wsUrl } = (await created.json()) as { id: string; wsUrl: string };
    const term = await connectTerminal(`${wsUrl}&cols=100&rows=30`, { origin: harness.baseURL });
    await term.waitFor(/\$ $/);
    // A person reads the prompt before typing: the command index finds prompts by that pause.
    await sleep(500);
    for (const key of COMMAND) {
      term.type(key);
      await sleep(15);
    }
    term.type('\r');
    await term.waitFor(/snippet-42/);
    await sleep(1000);
    term.type('exit\r');
    await term.closed;
    await expect.poll(async () => ((await (await page.request.get(`/api/v1/recordings/${id}`)).json()) as { commandCount: number }).commandCount).toBe(2);
    return id;
  });

  await test.step('in the replay, the command is saved as a snippet with a title and notes', async () => {
    const replay = new ReplayPage(page);
    await replay.open(recordingId);
    await expect(replay.commandJumps).toHaveCount(2);
    await replay.commands.getByRole('button', { name: `Save as snippet: ${COMMAND}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Save as snippet' });
    await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue(COMMAND);
    await dialog.getByRole('textbox', { name: 'Title' }).fill('');
    await dialog.getByRole('button', { name: 'Save snippet' }).click();
    await expect(dialog.getByText('Give it a title')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Title' }).fill('The answer');
    await dialog.getByRole('textbox', { name: /Notes/ }).fill('Prints **42**, from `$((…))` arithmetic');
    await shootPage(page, 'snippet-save-dialog');
    await dialog.getByRole('button', { name: 'Save snippet' }).click();
    await expect(dialog.getByRole('status')).toContainText('Saved “The answer”.');
    await dialog.getByRole('link', { name: 'Open my snippets' }).click();
  });

  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'The answer' }) });
  await test.step('/snippets lists it with the command, rendered notes and where it came from', async () => {
    await expect(page).toHaveURL(/\/snippets$/);
    await expect(page.getByRole('link', { name: 'Notes & snippets' })).toHaveAttribute('aria-current', 'page');
    await expect(card.getByLabel('Command')).toHaveText(COMMAND);
    await expect(card.locator('strong')).toHaveText('42');
    await expect(card.getByRole('link', { name: /from the replay at/ })).toHaveAttribute('href', new RegExp(`/recordings/${recordingId}\\?t=`));
  });

  await test.step('search finds it by part of the command, and says when nothing matches', async () => {
    const search = page.getByRole('searchbox', { name: 'Search my snippets' });
    await search.fill('6*7');
    await search.press('Enter');
    await expect(page).toHaveURL(/q=6\*7|q=6%2A7/);
    await expect(card).toBeVisible();
    await search.fill('no-such-snippet');
    await search.press('Enter');
    await expect(page.getByText('No snippets match “no-such-snippet”')).toBeVisible();
    await page.getByRole('link', { name: 'Show all snippets' }).click();
    await expect(card).toBeVisible();
    await shootPage(page, 'snippets-list');
  });

  await test.step('copy puts the command on the clipboard', async () => {
    await card.getByRole('button', { name: 'Copy' }).click();
    await expect(card.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(COMMAND);
  });

  await test.step('Open on the resource: a new terminal offers it; pasting types it at the prompt without running it', async () => {
    await card.getByRole('button', { name: `Open on ${resource.name}` }).click();
    await expect(page).toHaveURL(/\/terminal\/[0-9a-f-]+\?snippet=/);
    const terminal = new TerminalPage(page);
    await terminal.expectStatus('connected');
    const bar = page.getByRole('region', { name: 'Saved snippet' });
    await expect(bar).toContainText(COMMAND);
    await terminal.waitForLine(/\$ $/);
    await shootPage(page, 'snippet-paste-bar');
    await bar.getByRole('button', { name: 'Paste into the terminal' }).click();
    await expect(bar).toBeHidden();
    await terminal.waitForLine(/\$ echo snippet-\$\(\(6\*7\)\)$/);
    expect(await terminal.screenText()).not.toMatch(/^snippet-42$/m);
    // The user runs it: it was at the prompt, whole.
    await page.keyboard.press('Enter');
    await terminal.waitForLine(/^snippet-42$/);
  });

  await test.step('without access to its resource, a snippet leads to the request form', async () => {
    const gated = await seed.resource();
    expect((await adminApi.patch(`/api/v1/resources/${gated.id}`, { data: { accessMode: 'approval' } })).ok()).toBe(true);
    const saved = await page.request.post('/api/v1/snippets', {
      headers: fromPorthole(),
      data: { title: 'Gated', body: 'uptime', kind: 'command', resourceId: gated.id },
    });
    expect(saved.status()).toBe(201);
    await page.goto('/snippets?q=uptime');
    await page.getByRole('link', { name: `Request access to ${gated.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/resources/${gated.id}$`));
  });
});
