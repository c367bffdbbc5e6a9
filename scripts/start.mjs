// `npm start`: builds the app once if a part of the production build is missing, then runs
// the built server with plain `node` (no TypeScript compiler at run time).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const env = { NODE_ENV: 'production', ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const SERVER = 'dist/server/index.js';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Only what is missing is built: the server bundle alone takes a second, the Next.js build minutes.
if (!fs.existsSync('.next/BUILD_ID')) {
  console.log('[porthole] no production build yet: building it once (a minute or two)…');
  run('npx', ['next', 'build']);
}
if (!fs.existsSync(SERVER)) run(process.execPath, ['scripts/build-server.mjs']);

const server = spawn(process.execPath, ['--enable-source-maps', SERVER], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
