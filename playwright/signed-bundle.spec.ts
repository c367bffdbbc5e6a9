import { execFile } from 'node:child_process';
import path from 'node:path';
import { startSshd, type Sshd } from '../test/harness/sshd';
import { connectTerminal } from '../test/harness/terminal-client';
import { expect, fromPorthole, test } from './fixtures';
import { createSshResource, type SshResource } from './ssh-target';

/** Signed recordings end to end: a session, its bundle from the export menu, the offline verifier. */

let sshd: Sshd;
let resource: SshResource;

test.beforeAll(async ({ adminApi }, testInfo) => {
  sshd = await startSshd();
  resource = await createSshResource(adminApi, sshd, `bundle-${testInfo.workerIndex}-${Date.now().toString(36)}`);
});

test.afterAll(async () => {
  await sshd?.stop();
});

const verifier = path.resolve(__dirname, '../scripts/verify-recording.mjs');
const runVerifier = (args: string[]) =>
  new Promise<{ code: number; stdout: string }>((resolve) =>
    execFile(process.execPath, [verifier, ...args], (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout })),
  );

test('the export menu downloads a signed bundle that verifies offline against the published key', async ({ seed, loginAs, harness }) => {
  test.setTimeout(90_000);
  const page = await loginAs(await seed.user({ roles: ['engineer'] }));
  await page.setViewportSize({ width: 1440, height: 900 });

  const id = await test.step('a session is recorded and sealed', async () => {
    const created = await page.request.post('/api/v1/sessions', { headers: fromPorthole(), data: { resourceId: resource.id } });
    expect(created.status()).toBe(201);
    const { id, wsUrl } = (await created.json()) as { id: string; wsUrl: string };
    const term = await connectTerminal(`${wsUrl}&cols=100&rows=30`, { origin: harness.baseURL });
    await term.waitFor(/\$ $/);
    term.type('echo bundle-$((6*7))\r');
    await term.waitFor(/bundle-42/);
    term.type('exit\r');
    await term.closed;
    await expect.poll(async () => ((await (await page.request.get(`/api/v1/recordings/${id}`)).json()) as { status: string }).status).toBe('complete');
    return id;
  });

  const file = await test.step('Export → Signed bundle downloads a tar', async () => {
    await page.goto(`/recordings/${id}`);
    await page.getByText('Export', { exact: true }).click();
    const item = page.getByRole('link', { name: /Signed bundle \(\.tar\)/ });
    // The signature is written just after the seal: the page shows the item once it exists.
    await expect(async () => {
      await page.reload();
      await page.getByText('Export', { exact: true }).click();
      await expect(item).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    if (process.env.SIGNED_BUNDLE_SCREENSHOTS) {
      for (const [width, height, name] of [
        [1440, 900, 'desktop'],
        [390, 844, 'phone'],
      ] as const) {
        await page.setViewportSize({ width, height });
        for (const isDark of [false, true]) {
          await page.evaluate((dark) => document.documentElement.classList.toggle('dark', dark), isDark);
          await page.screenshot({ path: path.join(process.env.SIGNED_BUNDLE_SCREENSHOTS, `export-menu-${name}-${isDark ? 'dark' : 'light'}.png`) });
        }
      }
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    // On a phone the button wraps under the title: its menu must still open on screen.
    await page.setViewportSize({ width: 390, height: 844 });
    const box = await item.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await page.setViewportSize({ width: 1440, height: 900 });
    const download = page.waitForEvent('download');
    await item.click();
    const done = await download;
    expect(done.suggestedFilename()).toMatch(/\.porthole\.tar$/);
    return done.path();
  });

  await test.step('porthole-verify says OK, pinned to the key the server publishes', async () => {
    const keys = await page.request.get('/api/v1/recordings/signing-key');
    expect(keys.status()).toBe(200);
    const { current } = (await keys.json()) as { current: string };
    const result = await runVerifier([file, '--key', `${harness.baseURL}/api/v1/recordings/signing-key`]);
    expect(result.stdout).toMatch(new RegExp(`^OK: \\d+ chunks, signed by ${current}\\n`));
    expect(result.code).toBe(0);
  });
});
