import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { freePort } from '../test/harness/free-port';
import { expect, test } from './fixtures';
import { LoginPage } from './pages/LoginPage';
import { TerminalPage } from './pages/TerminalPage';
import { startProcess, stopProcessGroup, waitFor, type Started } from './support/processes';

/**
 * Demo mode as a first-time user gets it: no configuration at all, so the key that signs
 * session cookies is generated into the data directory. The shared e2e server runs with
 * demo mode off, so this spec starts its own Porthole on a fresh data directory.
 */

const ROOT = path.resolve(__dirname, '..');
const DEMO_ADMIN = { email: 'admin@porthole.local', password: 'porthole-admin' };

let tmpDir: string;
let dataDir: string;
let baseURL: string;
let porthole: Started | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-e2e-demo-'));
  // Like an install directory: anyone may pass through it; only the data directory is private.
  fs.chmodSync(tmpDir, 0o755);
  dataDir = path.join(tmpDir, 'data');
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(PORTHOLE_|OIDC_|NEXTAUTH_|DATABASE_URL$|PORT$)/.test(name)));
  porthole = startProcess(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    logFile: path.join(tmpDir, 'porthole.log'),
    // No PORTHOLE_HOST, no PORTHOLE_SECRET_KEY, no PORTHOLE_DEMO: the defaults are under test.
    env: { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), PORTHOLE_PUBLIC_URL: baseURL, PORTHOLE_DATA_DIR: dataDir },
  });
  await waitFor(
    'demo Porthole',
    porthole,
    async () => ((await fetch(`${baseURL}/login`, { signal: AbortSignal.timeout(5_000) })).status === 200 ? true : undefined),
    90_000,
  );
});

test.afterAll(async () => {
  if (porthole) await stopProcessGroup(porthole.pid);
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
});

async function openDemoShell(page: Page): Promise<TerminalPage> {
  await new LoginPage(page).signInAndWait(DEMO_ADMIN.email, DEMO_ADMIN.password);
  const listed = (await (await page.request.get('/api/v1/resources')).json()) as { items?: { id: string; name: string }[] } | { id: string; name: string }[];
  const demo = (Array.isArray(listed) ? listed : (listed.items ?? [])).find((resource) => resource.name === 'Demo shell');
  expect(demo, 'the demo shell resource').toBeDefined();
  // Skip the just-in-time request: this spec is about what the shell can reach.
  const patched = await page.request.patch(`/api/v1/resources/${demo!.id}`, { headers: { origin: baseURL }, data: { accessMode: 'open' } });
  expect(patched.status()).toBe(200);
  await page.goto(`/resources/${demo!.id}`);
  await page.getByRole('button', { name: 'Connect' }).click();
  const terminal = new TerminalPage(page);
  await terminal.expectStatus('connected');
  return terminal;
}

test('demo mode listens on loopback only and says so', async () => {
  const log = fs.readFileSync(porthole!.logFile, 'utf8');
  expect(log).toContain('demo mode listens on 127.0.0.1 only');
  expect(log).toMatch(/listening on 127\.0\.0\.1:\d+/);
  // The socket itself, not only the banner: the kernel's table of listening TCP sockets
  // (no traffic to any other address) shows the port bound to 127.0.0.1 and nowhere else.
  const port = Number(new URL(baseURL).port);
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const listening = ['/proc/net/tcp', '/proc/net/tcp6']
    .flatMap((file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(1) : []))
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A')
    .map((cols) => cols[1]!.split(':')[0]);
  expect(listening).toEqual(['0100007F']);
});

test('the demo shell in the browser cannot read the data directory or the signing key', async ({ browser }) => {
  test.setTimeout(60_000);
  const keyFile = path.join(dataDir, 'secret.key');
  expect(fs.existsSync(keyFile), 'demo mode generated its key into the data directory').toBe(true);
  const context = await browser.newContext({ baseURL });
  try {
    const terminal = await openDemoShell(await context.newPage());
    try {
      await terminal.run(`cat ${keyFile}`);
      await terminal.waitForLine(new RegExp(`^cat: ${keyFile}: Permission denied`));
      await terminal.run(`ls ${dataDir}`);
      await terminal.waitForLine(new RegExp(`^ls: cannot open directory '${dataDir}': Permission denied`));
      await terminal.run(`echo "leaked=$(env | grep -c -E '^(PORTHOLE_|DATABASE_URL|NEXTAUTH)')"`);
      await terminal.waitForLine(/^leaked=0\s*$/);
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nThe terminal showed:\n${await terminal.screenText()}`);
    }
    const key = fs.readFileSync(keyFile, 'utf8').trim();
    expect(await terminal.screenText()).not.toContain(key);
  } finally {
    await context.close();
  }
});
