import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const isCI = Boolean(process.env.CI);

/**
 * Debian's Chromium, never a downloaded one. Its headless-only build (the `chromium-headless-shell`
 * package, which scripts/ensure-os-packages.sh installs) is the same Chromium without the desktop
 * browser around it: what Playwright itself runs for headless tests. On two cores it runs the
 * suite in about 60 % of the time of the full `chromium` (a browser context costs it ~0.1 s
 * of CPU instead of ~0.45 s). Without it, the full browser runs the same tests.
 */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const chromiumPath = fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium';

/**
 * End-to-end tests against a production build (`npm run build` first). Global setup starts
 * a test OIDC provider and Porthole itself on loopback; the base URL comes from the fixtures
 * (playwright/fixtures.ts), not from here. Chromium is Debian's: never download a browser.
 */
export default defineConfig({
  testDir: 'playwright',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  globalSetup: './playwright/global-setup.ts',
  globalTeardown: './playwright/global-teardown.ts',
  fullyParallel: false,
  forbidOnly: isCI,
  workers: 2,
  retries: isCI ? 1 : 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    trace: 'on-first-retry',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        headless: true,
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
