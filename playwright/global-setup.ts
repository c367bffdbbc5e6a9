import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { writeHarnessState, type HarnessState, type OidcAccount } from './support/harness-state';
import { freePort } from '../test/harness/free-port';
import { startProcess, stopProcessGroup, waitFor, type Started } from './support/processes';

const ROOT = path.resolve(__dirname, '..');
const OIDC_DISPLAY_NAME = 'Test IdP';
const OIDC_CLIENT_ID = 'porthole-e2e';

/** Sources compiled into `.next` (routes bundle server/ and db/ too); newer means the suite tests old code. */
const BUILT_SOURCES = ['app', 'components', 'lib', 'server', 'db'];

function assertBuilt(): void {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) {
    throw new Error('No production build (.next/BUILD_ID is missing). Run `npm run build` first, then `npx playwright test`.');
  }
  const builtAt = fs.statSync(buildId).mtimeMs;
  const newer = BUILT_SOURCES.flatMap((dir) => {
    const full = path.join(ROOT, dir);
    if (!fs.existsSync(full)) return [];
    return fs
      .readdirSync(full, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs > builtAt)
      .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
  });
  if (newer.length > 0) {
    console.warn(
      `[e2e] warning: ${newer.length} file(s) changed since the last build (e.g. ${newer.slice(0, 3).join(', ')}); run \`npm run build\` to test them.`,
    );
  }
}

/** The parent's environment minus anything that would point Porthole at other data or IdPs. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(PORTHOLE_|OIDC_|NEXTAUTH_|DATABASE_URL$|PORT$)/.test(key)) delete env[key];
  }
  return env;
}

async function startOidcProvider(tmpDir: string, publicUrl: string, clientSecret: string): Promise<{ proc: Started; issuer: string }> {
  const logFile = path.join(tmpDir, 'oidc.log');
  const proc = startProcess(process.execPath, [path.join(__dirname, 'oidc', 'provider.mjs'), '0'], {
    cwd: ROOT,
    logFile,
    env: {
      ...cleanEnv(),
      OIDC_CLIENT_ID,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_REDIRECT_URI: `${publicUrl}/api/auth/callback/oidc`,
      NODE_NO_WARNINGS: '1',
    },
  });
  const issuer = await waitFor(
    'OIDC provider',
    proc,
    async () => {
      const line = fs
        .readFileSync(logFile, 'utf8')
        .split('\n')
        .find((l) => l.startsWith('{"issuer"'));
      return line ? (JSON.parse(line) as { issuer: string }).issuer : undefined;
    },
    15_000,
  );
  return { proc, issuer };
}

function startPorthole(tmpDir: string, port: number, publicUrl: string, admin: HarnessState['admin'], oidc: { issuer: string; clientSecret: string }): Started {
  return startProcess(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    logFile: path.join(tmpDir, 'porthole.log'),
    env: {
      ...cleanEnv(),
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      PORTHOLE_HOST: '127.0.0.1',
      PORTHOLE_PUBLIC_URL: publicUrl,
      PORTHOLE_DATA_DIR: path.join(tmpDir, 'data'),
      PORTHOLE_SECRET_KEY: randomBytes(32).toString('hex'),
      PORTHOLE_DEMO: '0',
      PORTHOLE_ADMIN_EMAIL: admin.email,
      PORTHOLE_ADMIN_PASSWORD: admin.password,
      OIDC_ISSUER: oidc.issuer,
      OIDC_CLIENT_ID,
      OIDC_CLIENT_SECRET: oidc.clientSecret,
      OIDC_DISPLAY_NAME,
      OIDC_ROLES_CLAIM: 'groups',
      OIDC_ROLE_MAP: 'porthole-admins=admin',
    },
  });
}

/**
 * Starts the test IdP and a production Porthole on free loopback ports with a fresh data
 * directory, waits until the login page answers, and leaves a state file for fixtures and
 * teardown. Anything started is stopped again if a later step fails.
 */
export default async function globalSetup(_config: FullConfig): Promise<void> {
  assertBuilt();
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-e2e-'));
  const started: Started[] = [];
  try {
    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}`;
    const clientSecret = randomBytes(24).toString('base64url');
    const admin = { email: 'admin@porthole.test', password: `Admin-${randomBytes(9).toString('base64url')}` };

    const idp = await startOidcProvider(tmpDir, baseURL, clientSecret);
    started.push(idp.proc);
    const porthole = startPorthole(tmpDir, port, baseURL, admin, { issuer: idp.issuer, clientSecret });
    started.push(porthole);
    await waitFor(
      'Porthole',
      porthole,
      async () => {
        const response = await fetch(`${baseURL}/login`, { signal: AbortSignal.timeout(5_000) });
        return response.status === 200 ? true : undefined;
      },
      90_000,
    );

    const accounts = JSON.parse(fs.readFileSync(path.join(__dirname, 'oidc', 'accounts.json'), 'utf8')) as Record<string, OidcAccount>;
    const state: HarnessState = {
      baseURL,
      tmpDir,
      admin,
      oidc: { issuer: idp.issuer, displayName: OIDC_DISPLAY_NAME, accounts },
      pids: started.map((p) => p.pid),
      logs: { porthole: porthole.logFile, oidc: idp.proc.logFile },
    };
    writeHarnessState(path.join(tmpDir, 'state.json'), state);
    console.log(`[e2e] Porthole at ${baseURL}, test IdP at ${idp.issuer}, logs in ${tmpDir}`);
  } catch (error) {
    await Promise.all(started.map((p) => stopProcessGroup(p.pid)));
    fs.rmSync(tmpDir, { recursive: true, force: true });
    throw error;
  }
}
