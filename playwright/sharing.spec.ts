import { startSshd, type Sshd } from '../test/harness/sshd';
import { connectTerminal } from '../test/harness/terminal-client';
import { expect, fromPorthole, test } from './fixtures';
import { shootPage } from './support/screenshots';
import { ReplayPage } from './pages/ReplayPage';
import { createSshResource, type SshResource } from './ssh-target';

/** Sharing a recording with a reviewer (#15): share, replay and note as the reviewer, watched and revoked as the owner. */

let sshd: Sshd;
let resource: SshResource;

test.beforeAll(async ({ adminApi }, testInfo) => {
  sshd = await startSshd();
  resource = await createSshResource(adminApi, sshd, `sharing-${testInfo.workerIndex}-${Date.now().toString(36)}`);
});

test.afterAll(async () => {
  await sshd?.stop();
});

test('the owner shares a recording; the reviewer replays it and notes; the owner sees the view and the note, then revokes', async ({
  seed,
  loginAs,
  harness,
}) => {
  test.setTimeout(150_000);
  const ada = await seed.user({ roles: ['engineer'], name: 'Ada Owner' });
  const rex = await seed.user({ roles: ['engineer'], name: 'Rex Reviewer' });
  const owner = await loginAs(ada);

  const record = async (line: string) => {
    const created = await owner.request.post('/api/v1/sessions', { headers: fromPorthole(), data: { resourceId: resource.id } });
    expect(created.status()).toBe(201);
    const { id, wsUrl } = (await created.json()) as { id: string; wsUrl: string };
    const term = await connectTerminal(`${wsUrl}&cols=100&rows=30`, { origin: harness.baseURL });
    await term.waitFor(/\$ $/);
    term.type(`echo ${line}\r`);
    await term.waitFor(new RegExp(`${line}\\r\\n`));
    term.type('exit\r');
    await term.closed;
    await expect.poll(async () => ((await (await owner.request.get(`/api/v1/recordings/${id}`)).json()) as { status: string }).status).toBe('complete');
    return id;
  };
  const shared = await test.step('the owner records two sessions', async () => record('for-review'));
  const other = await record('not-shared');

  await test.step('the owner shares one with the reviewer from the replay page', async () => {
    await owner.goto(`/recordings/${shared}`);
    await owner.locator('summary', { hasText: /^Share/ }).click();
    await owner.getByLabel('Reviewer’s e-mail').fill(rex.email);
    await owner.getByLabel('Message (optional)').fill('Is the restart at the end right?');
    await owner.getByRole('button', { name: 'Share', exact: true }).click();
    await expect(owner.getByText('Shared.')).toBeVisible();
    const item = owner.getByRole('listitem', { name: 'Share with Rex Reviewer' });
    await expect(item).toContainText('active');
    await expect(item.getByTestId('share-views')).toHaveText('Not watched yet');
    await shootPage(owner, 'share-panel', { fullPage: true });
  });

  const reviewer = await loginAs(rex);
  await test.step('the reviewer finds it under Shared with me and replays it', async () => {
    await reviewer.goto('/shared-with-me');
    const list = reviewer.getByRole('list', { name: 'Recordings shared with me' });
    await expect(list).toContainText('Ada Owner');
    await expect(list).toContainText('Is the restart at the end right?');
    await shootPage(reviewer, 'shared-with-me', { fullPage: true });
    await list.getByRole('link', { name: resource.name }).click();
    await expect(reviewer).toHaveURL(new RegExp(`/recordings/${shared}`));
    await expect(reviewer.getByRole('region', { name: 'Shared with you' })).toContainText('Shared by Ada Owner until');
    const replay = new ReplayPage(reviewer);
    await expect(replay.root).not.toHaveAttribute('data-status', 'loading');
    await expect(reviewer.getByRole('button', { name: 'Export' })).toHaveCount(0);
    // The whole recording was shared: nothing on the timeline is shaded as not shared.
    await expect(reviewer.getByTestId('outside-share')).toHaveCount(0);
  });

  await test.step('the reviewer adds a note', async () => {
    const replay = new ReplayPage(reviewer);
    await replay.tab('Notes').click();
    await reviewer.getByRole('button', { name: /Add a note at/ }).click();
    await reviewer.getByRole('textbox', { name: 'Note', exact: true }).fill('Why restart here?');
    await reviewer.getByRole('button', { name: 'Save note' }).click();
    await expect(reviewer.getByTestId('note')).toContainText('Why restart here?');
    await shootPage(reviewer, 'reviewer-replay', { fullPage: true });
  });

  await test.step('the reviewer cannot open the owner’s other recording', async () => {
    const response = await reviewer.goto(`/recordings/${other}`);
    expect(response?.status()).toBe(404);
    expect((await reviewer.request.get(`/api/v1/recordings/${other}/events?from=0`)).status()).toBe(404);
  });

  await test.step('the owner sees the view and the reviewer’s note', async () => {
    await owner.goto(`/recordings/${shared}`);
    await owner.locator('summary', { hasText: /^Share/ }).click();
    await expect(owner.getByRole('listitem', { name: 'Share with Rex Reviewer' }).getByTestId('share-views')).toContainText('Watched 1 time');
    await new ReplayPage(owner).tab('Notes').click();
    await expect(owner.getByTestId('note')).toContainText('Why restart here?');
    await expect(owner.getByTestId('note')).toContainText('Rex Reviewer');
  });

  await test.step('the owner revokes; the reviewer gets not-found', async () => {
    const item = owner.getByRole('listitem', { name: 'Share with Rex Reviewer' });
    await item.getByRole('button', { name: 'Revoke' }).click();
    await owner.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await expect(item).toContainText('revoked');
    const response = await reviewer.goto(`/recordings/${shared}`);
    expect(response?.status()).toBe(404);
    await reviewer.goto('/shared-with-me');
    await expect(reviewer.getByText('Nothing shared with you')).toBeVisible();
    await shootPage(reviewer, 'shared-with-me-empty', { fullPage: true });
  });

  await test.step('a share of the first half: the reviewer sees the rest of the timeline shaded as not shared', async () => {
    const { duration } = (await (await owner.request.get(`/api/v1/recordings/${other}`)).json()) as { duration: number };
    const response = await owner.request.post(`/api/v1/recordings/${other}/shares`, {
      headers: fromPorthole(),
      data: { reviewerEmail: rex.email, rangeStart: 0, rangeEnd: duration / 2 },
    });
    expect(response.status()).toBe(201);
    await reviewer.goto(`/recordings/${other}`);
    await expect(new ReplayPage(reviewer).root).not.toHaveAttribute('data-status', 'loading');
    const band = reviewer.getByTestId('outside-share');
    await expect(band).toHaveCount(1);
    const [track, shaded] = [await reviewer.getByTestId('timeline').boundingBox(), await band.boundingBox()];
    expect(shaded!.x).toBeGreaterThan(track!.x + track!.width * 0.4);
    expect(shaded!.x + shaded!.width).toBeGreaterThan(track!.x + track!.width * 0.95);
    await shootPage(reviewer, 'reviewer-range', { fullPage: true });
  });
});
