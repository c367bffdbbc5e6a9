// `npm start`: builds the app once if there is no production build, then runs the server.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const env = { NODE_ENV: 'production', ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
if (!fs.existsSync('.next/BUILD_ID')) {
  console.log('[porthole] no production build yet: building it once (a minute or two)…');
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
