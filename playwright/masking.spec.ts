import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSshd, type Sshd } from '../test/harness/sshd';
import { expect, test } from './fixtures';
import { ReplayPage } from './pages/ReplayPage';
import { TerminalPage } from './pages/TerminalPage';
import { createSshResource, type SshResource } from './ssh-target';

/** Inline masking end to end: what a remote command prints never reaches the browser's screen. */

const AWS_KEY = 'AKIARHUNWS7DR4ERD7TI';
const GITHUB_TOKEN = 'ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW';
const PEM_BODY = ['MC4CAQAwBQYDK2VwBCIEIEckJPYIsPoIFB08MCssPuQiBw52eXfIVCBEzIGR0gCG'];
const CARD = '4154 9708 3691 9555';
const SECRETS = [AWS_KEY, GITHUB_TOKEN, ...PEM_BODY, CARD];

let sshd: Sshd;
let resource: SshResource;
let secretsPath: string;

test.beforeAll(async ({ adminApi }, testInfo) => {
  sshd = await startSshd();
  resource = await createSshResource(adminApi, sshd, `masking-${testInfo.workerIndex}-${Date.now().toString(36)}`);
  secretsPath = path.join(os.tmpdir(), `porthole-e2e-secrets-${process.pid}.txt`);
  const lines = [
    `AWS_ACCESS_KEY_ID=${AWS_KEY}`,
    `gh auth: ${GITHUB_TOKEN}`,
    '-----BEGIN PRIVATE KEY-----',
    ...PEM_BODY,
    '-----END PRIVATE KEY-----',
    `card ${CARD} ok`,
    '',
  ];
  fs.writeFileSync(secretsPath, lines.join('\n'), { mode: 0o644 });
});

test.afterAll(async () => {
  fs.rmSync(secretsPath, { force: true });
  await sshd?.stop();
});

async function openTerminal(page: import('@playwright/test').Page) {
  const terminal = new TerminalPage(page);
  await page.goto(`/resources/${resource.id}`);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page).toHaveURL(/\/terminal\/[0-9a-f-]{36}$/);
  await terminal.expectStatus('connected');
  return terminal;
}

test('secrets a command prints are masked on screen; the status bar counts them', async ({ seed, loginAs }) => {
  test.setTimeout(60_000);
  const engineer = await seed.user({ roles: ['engineer'] });
  const page = await loginAs(engineer);
  const terminal = await openTerminal(page);
  await terminal.run(`cat ${secretsPath}; echo cat-done-$((6*7))`);
  await terminal.waitForLine(/^cat-done-42$/);
  const screen = await terminal.screenText();
  for (const secret of SECRETS) expect(screen).not.toContain(secret);
  expect(screen).toContain('[MASKED:aws-key]');
  expect(screen).toContain('[MASKED:private-key]');
  await expect(page.getByTestId('mask-count')).toHaveText(/^\d+ masked$/);
  await terminal.run('exit');
  await terminal.expectStatus('closed');
});

test('a secret typed by hand is echoed to its typist only: the recording, its command list and its export hold it masked', async ({ seed, loginAs }) => {
  test.setTimeout(90_000);
  const engineer = await seed.user({ roles: ['engineer'] });
  const page = await loginAs(engineer);
  const terminal = await openTerminal(page);
  const id = /\/terminal\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  await terminal.waitForLine(/\$ ?$/);
  // A person at the prompt: a pause, then a keystroke every 40 ms; the browser gets each echo at
  // once, the recording only once the token is decided.
  await page.waitForTimeout(400);
  await terminal.terminal.click();
  await page.keyboard.type(`echo ${GITHUB_TOKEN}`, { delay: 40 });
  await page.keyboard.press('Enter');
  await terminal.waitForLine(/^\[MASKED:github-token\]$/);
  await page.waitForTimeout(400);
  await terminal.run('exit');
  await terminal.expectStatus('closed');

  await expect
    .poll(async () => ((await (await page.request.get(`/api/v1/recordings/${id}`)).json()) as { commandCount: number }).commandCount, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(2);
  const detail = await (await page.request.get(`/api/v1/recordings/${id}`)).text();
  expect(detail).not.toContain(GITHUB_TOKEN);
  expect(detail).toContain('echo [MASKED:github-token]');

  const replay = new ReplayPage(page);
  await replay.open(id);
  await expect(replay.commandJumps.filter({ hasText: /echo \[MASKED:github-token\]/ })).toBeVisible();
  await expect(page.getByTestId('mask-marker').first()).toHaveAttribute('aria-label', /GitHub token/);
  await expect(page.getByText(/· \d+ masked/)).toBeVisible();
  expect(await page.content()).not.toContain(GITHUB_TOKEN);
  const cast = await (await page.request.get(`/api/v1/recordings/${id}/export?format=asciicast`)).text();
  expect(cast).toContain('[MASKED:github-token]');
  expect(cast).not.toContain(GITHUB_TOKEN);
});

test('an admin adds a custom rule, tries it in the tester, and a new session masks it', async ({ seed, loginAs }) => {
  test.setTimeout(90_000);
  const admin = await seed.user({ roles: ['admin', 'engineer'] });
  const page = await loginAs(admin);
  const name = `Employee ID ${Date.now().toString(36)}`;
  const label = `[MASKED:${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}]`;

  await test.step('the Masking page is in the admin navigation', async () => {
    await page.goto('/resources');
    await page.getByRole('link', { name: 'Masking', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Masking', level: 1 })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Built-in detectors' })).toContainText('AWS');
  });

  await test.step('a pattern that matches the empty string is refused next to the field', async () => {
    await page.getByRole('button', { name: 'Add rule' }).click();
    const form = page.getByRole('form', { name: 'New masking rule' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Pattern').fill('EMP-[0-9]*|x?');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expect(form.getByRole('alert')).toContainText('empty string');
    await form.getByLabel('Pattern').fill('EMP-[0-9]{6}');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expect(page.getByRole('table', { name: 'Custom rules' })).toContainText(name);
  });

  await test.step('the live tester shows what is masked and by which rule', async () => {
    await page.getByLabel('Sample text').fill('badge EMP-123456 issued to AKIARHUNWS7DR4ERD7TI');
    await page.getByRole('button', { name: 'Mask sample' }).click();
    await expect(page.getByTestId('masked-output')).toHaveText(`badge ${label} issued to [MASKED:aws-key]`);
    await expect(page.getByRole('list', { name: 'Rules that fired' })).toContainText(name);
  });

  await test.step('a sample over the limit is refused in words, and the page goes on', async () => {
    await page.getByLabel('Sample text').fill('x'.repeat(1_100_000));
    await page.getByRole('button', { name: 'Mask sample' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Paste at most' })).toHaveText('Paste at most 64 KiB: this sample is 1075 KiB.');
    await page.getByLabel('Sample text').fill('EMP-654321');
    await page.getByRole('button', { name: 'Mask sample' }).click();
    await expect(page.getByTestId('masked-output')).toHaveText(label);
  });

  await test.step('screenshots of the page, light and dark (for review)', async () => {
    await page.setViewportSize({ width: 1280, height: 1000 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.evaluate((isDark) => document.documentElement.classList.toggle('dark', isDark), scheme === 'dark');
      await page.screenshot({ path: test.info().outputPath(`masking-admin-${scheme}.png`), fullPage: false });
    }
    await page.evaluate(() => document.documentElement.classList.remove('dark'));
  });

  await test.step('a new session masks what the rule matches', async () => {
    const terminal = await openTerminal(page);
    await terminal.run('echo "id=EMP-$((123000+456))"');
    await terminal.waitForLine(/^id=\[MASKED:/);
    const screen = await terminal.screenText();
    expect(screen).not.toContain('EMP-123456');
    expect(screen).toContain(`id=${label}`);
    await terminal.run('exit');
    await terminal.expectStatus('closed');
  });

  await test.step('the rule is deleted', async () => {
    await page.goto('/admin/masking');
    const row = page.getByRole('row', { name: new RegExp(name) });
    await row.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('table', { name: 'Custom rules' })).toHaveCount(0);
  });
});

test('an admin masks a resource in the recording only and back; the choice survives a reload and is audited', async ({ admin, adminApi, seed }) => {
  const target = await seed.resource();
  const modeOnApi = async () => ((await (await adminApi.get(`/api/v1/masking/resources/${target.id}`)).json()) as { mode: string }).mode;

  await test.step('the Masking page lists the resource, masked on screen and in the recording by default', async () => {
    await admin.goto('/admin/masking');
    await expect(admin.getByRole('heading', { name: 'Per-resource mode' })).toBeVisible();
    await expect(admin.getByText('only the recording is masked', { exact: false }).first()).toBeVisible();
    await expect(admin.getByRole('combobox', { name: `Masking mode for ${target.name}` })).toHaveValue('view_and_recording');
  });

  await test.step('switched to "Recording only", it stays so after a reload', async () => {
    const select = admin.getByRole('combobox', { name: `Masking mode for ${target.name}` });
    await select.selectOption({ label: 'Recording only' });
    await expect(admin.getByRole('row', { name: new RegExp(target.name) }).getByTestId('masking-mode')).toHaveAttribute('data-status', 'saved');
    await admin.reload();
    await expect(select).toHaveValue('recording_only');
    expect(await modeOnApi()).toBe('recording_only');
  });

  await test.step('screenshots of the section, light and dark (for review)', async () => {
    await admin.setViewportSize({ width: 1280, height: 900 });
    for (const scheme of ['light', 'dark'] as const) {
      await admin.emulateMedia({ colorScheme: scheme });
      await admin.reload();
      await admin.getByRole('heading', { name: 'Per-resource mode' }).scrollIntoViewIfNeeded();
      await admin.screenshot({ path: test.info().outputPath(`masking-modes-${scheme}.png`) });
    }
  });

  await test.step("the resource's own admin page shows the same mode and switches it back", async () => {
    await admin.goto(`/admin/resources/${target.id}`);
    const section = admin.getByRole('region', { name: 'Masking' });
    const select = section.getByRole('combobox', { name: `Masking mode for ${target.name}` });
    await expect(select).toHaveValue('recording_only');
    await section.screenshot({ path: test.info().outputPath('resource-masking-section.png') });
    await select.selectOption({ label: 'Screen and recording' });
    await expect(section.getByTestId('masking-mode')).toHaveAttribute('data-status', 'saved');
    await admin.reload();
    await expect(select).toHaveValue('view_and_recording');
    await admin.goto('/admin/masking');
    await expect(admin.getByRole('combobox', { name: `Masking mode for ${target.name}` })).toHaveValue('view_and_recording');
    expect(await modeOnApi()).toBe('view_and_recording');
  });

  await test.step('both changes are in the audit log', async () => {
    const audit = (await (await adminApi.get(`/api/v1/audit?resourceId=${target.id}&action=masking.mode_update`)).json()) as {
      events: { data: { mode: string } }[];
    };
    expect(audit.events.map((event) => event.data.mode).sort()).toEqual(['recording_only', 'view_and_recording']);
  });
});
