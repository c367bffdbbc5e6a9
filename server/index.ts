import fs from 'node:fs';
import path from 'node:path';
import next from 'next';
import { openDb, setDb } from '@/db/client';
import { bootstrap, type BootstrapResult } from './bootstrap/bootstrap';
import { loadMasterKey } from './crypto/master-key';
import { loadSigningKey } from './crypto/signing-key';
import { DataDirLockedError, lockDataDir } from './data-dir/lock-data-dir';
import { makePrivate, restrictNewFiles, secureDataDir } from './data-dir/secure-data-dir';
import { unsafeSsh2Binding } from './connectors/ssh/ssh2-binding.mjs';
import { env, EnvError, listenHost } from './env';
import { startGateway } from './gateway/start-gateway';
import { startDemoDatabase } from './demo/postgres/start-demo-database';
import { UpgradeRouter } from './http/upgrade-router';
import { startJobs } from './jobs/start-jobs';
import { startRecordingRecovery } from './jobs/start-recording-recovery';
import { createHttpServer } from './http/create-http-server';
import { createHttpProxy } from './http/proxy/http-proxy';
import { installShutdown } from './lifecycle/shutdown';
import { startMetricsListener } from './metrics/start-metrics-listener';

/** A start that cannot go on says why in one line on stderr, for the person starting it (like the banner). */
function fail(message: string): never {
  console.error(`[porthole] ${message}`);
  process.exit(1);
}

type BannerFacts = { driver: string; host: string; demoShellUnavailable?: string };

function printBanner(config: ReturnType<typeof env>, result: BootstrapResult, { driver, host, demoShellUnavailable }: BannerFacts): void {
  const lines = [
    '',
    `  Porthole is running: ${config.publicUrl} (listening on ${host}:${config.port})`,
    `  Database: ${driver === 'pglite' ? `embedded (PGlite) in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
  ];
  if (result.createdAdmin) lines.push(`  Created the admin account ${result.createdAdmin} (PORTHOLE_ADMIN_EMAIL).`);
  if (result.demoAccounts) {
    lines.push('  Demo mode is on (PORTHOLE_DEMO=0 turns it off). Sign in as:');
    for (const account of result.demoAccounts) lines.push(`    ${account.email.padEnd(26)} ${account.password}`);
    if (!config.host) lines.push('  These passwords are public: demo mode listens on 127.0.0.1 only (set PORTHOLE_HOST to listen elsewhere).');
    if (demoShellUnavailable) lines.push(`  Note: ${demoShellUnavailable}.`);
  }
  if (result.setupUrl) lines.push('  No users yet. Open this one-time link to create the first admin:', `    ${result.setupUrl}`);
  console.log(lines.join('\n') + '\n');
}

/** A gateway that aborts at some garbage collection ends every live session with it (connectors/ssh/ssh2-binding.mjs). */
function refuseUnsafeSsh2Binding(): void {
  const file = unsafeSsh2Binding();
  if (file) {
    fail(
      `${file} aborts the process on Node ${process.version} when SSH ciphers are garbage-collected; \`node scripts/postinstall.mjs\` (npm install runs it) moves it aside`,
    );
  }
}

async function main(): Promise<void> {
  // Before anything is written: the data directory holds the key and every recording.
  restrictNewFiles();
  refuseUnsafeSsh2Binding();
  let config;
  try {
    config = env();
  } catch (error) {
    fail(error instanceof EnvError ? error.message : String(error));
  }
  // next-auth reads its public URL from here.
  process.env.NEXTAUTH_URL = config.publicUrl;
  process.env.NEXT_TELEMETRY_DISABLED = '1';

  const pgliteDir = path.join(config.dataDir, 'pglite');
  const isNewDataDir = !config.databaseUrl && !fs.existsSync(pgliteDir);
  try {
    // Two processes on one PGlite directory silently lose writes.
    if (!config.databaseUrl) lockDataDir(config.dataDir);
    secureDataDir(config.dataDir);
  } catch (error) {
    fail(
      error instanceof DataDirLockedError
        ? error.message
        : `cannot prepare the data directory ${config.dataDir}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    loadMasterKey();
  } catch (error) {
    fail(`cannot load the encryption key: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    // Every sealed recording is signed: a key that cannot be read stops the start, not each seal.
    loadSigningKey();
  } catch (error) {
    fail(`cannot load the recording-signing key: ${error instanceof Error ? error.message : String(error)}`);
  }
  const handle = await openDb(config.databaseUrl ? { driver: 'postgres', url: config.databaseUrl } : { driver: 'pglite', dataDir: pgliteDir }).catch(
    (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
  );
  setDb(handle);
  if (handle.driver === 'pglite') makePrivate(pgliteDir);
  const result = await bootstrap({ isNewDataDir });
  const stopJobs = startJobs();
  startRecordingRecovery();

  const host = listenHost(config, result.isDemo);
  const app = next({ dev: config.isDev, dir: process.cwd(), hostname: host, port: config.port });
  await app.prepare();
  const handleRequest = app.getRequestHandler();
  const handleNextUpgrade = app.getUpgradeHandler();

  const router = new UpgradeRouter();
  const { stop: stopGateway, demoShellUnavailable } = await startGateway({ router, driver: handle.driver, isDemo: result.isDemo, dataDir: config.dataDir });
  if (result.isDemo) void startDemoDatabase();
  const proxy = createHttpProxy();
  const server = createHttpServer({
    handleRequest,
    handleSocketUpgrade: (req, socket, head) => router.handle(req, socket, head),
    handleOtherUpgrade: config.isDev ? (req, socket, head) => void handleNextUpgrade(req, socket, head) : undefined,
    proxy,
  });
  const metricsServer = await startMetricsListener().catch((error: unknown) =>
    fail(`cannot listen for metrics: ${error instanceof Error ? error.message : String(error)}`),
  );

  server.listen(config.port, host, () => printBanner(config, result, { driver: handle.driver, host, demoShellUnavailable }));

  installShutdown(
    {
      endSessions: async (message) => {
        await Promise.all([stopGateway(message), proxy.close(message)]);
      },
      stopJobs: async () => {
        await stopJobs();
        metricsServer?.close();
      },
      server,
      closeDb: async () => {
        await handle.close();
        if (handle.driver === 'pglite') makePrivate(pgliteDir);
      },
    },
    { drainSeconds: config.drainSeconds },
  );
}

// Configuration found bad only once the database is open (a weak PORTHOLE_ADMIN_PASSWORD) is one line, too.
main().catch((error: unknown) => fail(error instanceof EnvError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)));
