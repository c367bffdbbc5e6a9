import { startSshd, type Sshd } from '../test/harness/sshd';
import { connectTerminal } from '../test/harness/terminal-client';
import { expect, fromPorthole, test } from './fixtures';
import { ReplayPage } from './pages/ReplayPage';
import { createSshResource, type SshResource } from './ssh-target';

/** The replay's command list: commands typed ahead are there, with run times and likely failures. */

let sshd: Sshd;
let resource: SshResource;

test.beforeAll(async ({ adminApi }, testInfo) => {
  sshd = await startSshd();
  resource = await createSshResource(adminApi, sshd, `cmdindex-${testInfo.workerIndex}-${Date.now().toString(36)}`);
});

test.afterAll(async () => {
  await sshd?.stop();
});

test('the command list shows typed-ahead commands, run times and likely failures with their reason', async ({ seed, loginAs, harness }) => {
  test.setTimeout(90_000);
  const page = await loginAs(await seed.user({ roles: ['engineer'] }));
  await page.setViewportSize({ width: 1440, height: 900 });
  const created = await page.request.post('/api/v1/sessions', { headers: fromPorthole(), data: { resourceId: resource.id } });
  expect(created.status()).toBe(201);
  const { id, wsUrl } = (await created.json()) as { id: string; wsUrl: string };
  const term = await connectTerminal(`${wsUrl}&cols=100&rows=30`, { origin: harness.baseURL });
  await term.waitFor(/\$ $/);
  // Typed ahead in one go: the second line reaches the shell while the first still runs.
  term.type('sleep 1\recho typed-ahead\r');
  await term.waitFor(/\rtyped-ahead\r\n/);
  term.type('ls /nonexistent\r');
  await term.waitFor(/No such file or directory/);
  term.type('exit\r');
  await term.closed;
  // Indexed in the background once the recording is complete.
  await expect.poll(async () => ((await (await page.request.get(`/api/v1/recordings/${id}`)).json()) as { commandCount: number }).commandCount).toBe(4);

  const replay = new ReplayPage(page);
  await replay.open(id);
  const rows = replay.commandJumps;
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText('sleep 1');
  await expect(rows.nth(1)).toContainText('echo typed-ahead');
  // Enter to the next prompt: about a second. Both ends are times the gateway saw output (the
  // Enter's echo, the prompt), each a few ms after the shell wrote it: CI once showed 999 ms.
  await expect(rows.nth(0).getByTitle('Run time')).toHaveText(/^(?:9[5-9]\d ms|1(\.\d+)? s)$/);
  const failed = rows.nth(2);
  await expect(failed).toContainText('ls /nonexistent');
  await expect(failed).toContainText('likely failed');
  await expect(failed).toHaveAccessibleName(/likely failed ?: ls: cannot access '\/nonexistent': No such file or directory/);
  await expect(rows.nth(1)).not.toContainText('likely failed');
});
