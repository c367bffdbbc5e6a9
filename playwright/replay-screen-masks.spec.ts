import { startSshd, type Sshd } from '../test/harness/sshd';
import { connectTerminal } from '../test/harness/terminal-client';
import { expect, fromPorthole, test } from './fixtures';
import { ReplayPage } from './pages/ReplayPage';
import { createSshResource, type SshResource } from './ssh-target';

/**
 * A secret that only forms on the rendered screen (its tail written first, its head after by a
 * cursor move or a carriage return) is painted over in the replay: the byte-stream masker
 * never saw it whole, the indexer's screen check did.
 */

const AWS_KEY = 'AKIARHUNWS7DR4ERD7TI';
const GITHUB_TOKEN = 'ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let sshd: Sshd;
let resource: SshResource;

test.beforeAll(async ({ adminApi }, testInfo) => {
  sshd = await startSshd();
  resource = await createSshResource(adminApi, sshd, `screen-masks-${testInfo.workerIndex}-${Date.now().toString(36)}`);
});

test.afterAll(async () => {
  await sshd?.stop();
});

test('the replay screen never shows a secret that formed only on the screen', async ({ seed, loginAs, harness }) => {
  test.setTimeout(90_000);
  const engineer = await seed.user({ roles: ['engineer'] });
  const page = await loginAs(engineer);
  const replay = new ReplayPage(page);

  const id = await test.step('a session writes the secrets tail first', async () => {
    const created = await page.request.post('/api/v1/sessions', { headers: fromPorthole(), data: { resourceId: resource.id } });
    expect(created.status()).toBe(201);
    const { id, wsUrl } = (await created.json()) as { id: string; wsUrl: string };
    const term = await connectTerminal(`${wsUrl}&cols=100&rows=30`, { origin: harness.baseURL });
    await term.waitFor(/\$ $/);
    await sleep(500);
    term.type(`printf '\\033[7G${AWS_KEY.slice(6)}\\033[1G${AWS_KEY.slice(0, 6)}\\n'; echo one-$((0+1))\n`);
    await term.waitFor(/one-1/);
    await sleep(1000);
    term.type(`printf 'XXXXXXXXXX${GITHUB_TOKEN.slice(10)}\\r${GITHUB_TOKEN.slice(0, 10)}\\n'; echo two-$((1+1))\n`);
    await term.waitFor(/two-2/);
    await sleep(1000);
    term.type('exit\n');
    await term.closed;
    // Opening the recording indexes it if the background indexer has not yet.
    await expect.poll(async () => ((await (await page.request.get(`/api/v1/recordings/${id}`)).json()) as { indexState: string }).indexState).toBe('ready');
    return id;
  });

  await test.step('played from the start, the cells are stars from the moment the secret forms', async () => {
    await replay.open(id);
    await replay.expectStatus('paused');
    await replay.playButton.click();
    await expect(replay.screen).toContainText('one-1', { timeout: 20_000 });
    await expect(replay.screen).toContainText('*'.repeat(AWS_KEY.length));
    await expect(replay.screen).toContainText('two-2', { timeout: 20_000 });
    await expect(replay.screen).toContainText('*'.repeat(GITHUB_TOKEN.length));
    const text = (await replay.screen.textContent()) ?? '';
    expect(text).not.toContain(AWS_KEY);
    expect(text).not.toContain(GITHUB_TOKEN);
  });

  await test.step('opened at the end (a seek), too', async () => {
    await replay.open(id, Math.floor(await replay.duration()));
    await expect(replay.screen).toContainText('two-2');
    const text = (await replay.screen.textContent()) ?? '';
    expect(text).toContain('*'.repeat(GITHUB_TOKEN.length));
    expect(text).not.toContain(AWS_KEY);
    expect(text).not.toContain(GITHUB_TOKEN);
  });
});
