// `npm start`: builds the app once if a part of the production build is missing, then runs
// the built server with plain `node` (no TypeScript compiler at run time).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

process.env.NODE_ENV ??= 'production';
process.env.NEXT_TELEMETRY_DISABLED = '1';
const ROOT = path.resolve(import.meta.dirname, '..');
const SERVER = path.join(ROOT, 'dist', 'server', 'index.js');

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Only what is missing is built: the server bundle alone takes a second, the Next.js build minutes.
if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
  console.log('[porthole] no production build yet: building it once (a minute or two)…');
  run('npx', ['next', 'build']);
}
if (!fs.existsSync(SERVER)) run(process.execPath, [path.join(ROOT, 'scripts', 'build-server.mjs')]);

// In this process, not a child: a signal to the process group (Ctrl-C, systemd) reaches the
// server once, and its own SIGTERM handling (drain, exit code) is the process's.
process.setSourceMapsEnabled(true);
process.chdir(ROOT);
createRequire(import.meta.url)(SERVER);
