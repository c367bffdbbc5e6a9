import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['{server,db,app,components,lib,scripts,test}/**/*.test.ts'],
    // One real PostgreSQL server and one migrated PGlite template for the run (test/harness/).
    globalSetup: ['./test/global-setup.ts'],
    // A fixed key and a temp data directory before server/ reads its configuration.
    setupFiles: ['./test/setup-env.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default leaves one core idle; most files here wait on real servers, so use them all.
    maxWorkers: os.availableParallelism(),
    // Background work (recording indexing) may still log as a file's worker shuts down; going
    // straight to stdout instead of through the worker RPC keeps that from failing the run.
    disableConsoleIntercept: true,
  },
});
