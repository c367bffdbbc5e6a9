import fs from 'node:fs';

/** What global setup started, written to a JSON file that fixtures and teardown read. */
export type HarnessState = {
  baseURL: string;
  tmpDir: string;
  admin: { email: string; password: string };
  oidc: { issuer: string; displayName: string; accounts: Record<string, OidcAccount> };
  pids: number[];
  logs: { porthole: string; oidc: string };
};

export type OidcAccount = { email: string; name: string; groups: string[] };

/** Global setup puts the state file's path here; workers inherit the runner's environment. */
export const STATE_ENV = 'PORTHOLE_E2E_STATE';

export function writeHarnessState(file: string, state: HarnessState): void {
  fs.writeFileSync(file, JSON.stringify(state, null, 2), { mode: 0o600 });
  process.env[STATE_ENV] = file;
}

export function readHarnessState(): HarnessState {
  const file = process.env[STATE_ENV];
  if (!file || !fs.existsSync(file)) {
    throw new Error(`${STATE_ENV} is not set or missing: run the suite with \`npx playwright test\` so playwright/global-setup.ts starts the servers`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as HarnessState;
}
