import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * server/ reads its configuration through env() (cached on globalThis.__portholeEnv) and the
 * encryption key through loadMasterKey() (cached on globalThis.__portholeMasterKey). Tests
 * set the variables below before first use and reset the caches when they change them.
 */
const globals = globalThis as unknown as { __portholeEnv?: unknown; __portholeMasterKey?: unknown };

/** One key per test process, so credentials sealed in one test open in the next. */
export const TEST_SECRET_KEY = randomBytes(32).toString('hex');

/** Variables a developer's shell or CI might carry that would change what server/ does. */
const isPortholeVariable = (name: string) => name === 'DATABASE_URL' || name === 'PORT' || name.startsWith('PORTHOLE_') || name.startsWith('OIDC_');

let dataDir: string | undefined;

/** This test file's data directory (PORTHOLE_DATA_DIR), removed after the file. */
export function testDataDir(): string {
  if (!dataDir) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-test-data-'));
    process.once('exit', removeTestDataDir);
  }
  return dataDir;
}

export function removeTestDataDir(): void {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
  process.removeListener('exit', removeTestDataDir);
}

/** Forgets the parsed configuration and key, so the next env()/loadMasterKey() re-reads them. */
export function resetServerGlobals(): void {
  delete globals.__portholeEnv;
  delete globals.__portholeMasterKey;
}

/** The baseline test environment: a fixed key, a temp data directory, nothing else configured. */
export function resetTestEnv(): void {
  for (const name of Object.keys(process.env)) if (isPortholeVariable(name)) delete process.env[name];
  (process.env as Record<string, string | undefined>).NODE_ENV = 'test';
  process.env.PORTHOLE_SECRET_KEY = TEST_SECRET_KEY;
  process.env.PORTHOLE_DATA_DIR = testDataDir();
  resetServerGlobals();
}

/** Changes some variables for the current test (undefined removes one); afterEach restores the baseline. */
export function setTestEnv(overrides: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetServerGlobals();
}
