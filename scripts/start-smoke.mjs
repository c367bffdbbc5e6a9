// Start smoke test (`.ci/run` runs it after `npm test`): `npm start` with the Node.js first on
// PATH, a new data directory and a random port, must answer GET /api/health/ready with 200,
// then stop cleanly on SIGTERM. `npm start` builds first if a part of the build is missing.
//
//   node scripts/start-smoke.mjs [timeout seconds, default 900] [path, default /api/health/ready]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const timeoutMs = Number(process.argv[2] ?? 900) * 1000;
const probePath = process.argv[3] ?? '/api/health/ready';
const started = Date.now();

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The parent's environment minus anything that would point Porthole at other data, a database or an IdP. */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(PORTHOLE_|OIDC_|NEXTAUTH_|DATABASE_URL$|PORT$|NODE_ENV$|LOG_LEVEL$)/.test(key)) delete env[key];
  }
  return env;
}

async function status(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return response.status;
  } catch {
    return undefined;
  }
}

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-smoke-'));
const logFile = path.join(tmpDir, 'start.log');
const port = await freePort();
const readyUrl = `http://127.0.0.1:${port}${probePath}`;
console.log(`[smoke] npm start on Node ${process.version}, port ${port}, data in ${tmpDir}`);

const log = fs.openSync(logFile, 'a');
// Its own process group: on failure the whole tree (npm, the start script, the server) goes.
const child = spawn('npm', ['start'], {
  cwd: ROOT,
  detached: true,
  stdio: ['ignore', log, log],
  env: { ...cleanEnv(), PORT: String(port), PORTHOLE_HOST: '127.0.0.1', PORTHOLE_DATA_DIR: path.join(tmpDir, 'data'), PORTHOLE_DEMO: '0' },
});
let exit;
const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exit = { code, signal }))));

function fail(message) {
  console.error(`[smoke] FAILED: ${message}\n[smoke] last lines of ${logFile}:`);
  console.error(fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n'));
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
  process.exit(1);
}

function isGroupAlive() {
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

let last;
while (!exit && (last = await status(readyUrl)) !== 200) {
  if (Date.now() - started > timeoutMs) fail(`${readyUrl} did not answer 200 within ${timeoutMs / 1000} s (last: ${last ?? 'no answer'})`);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}
if (exit) fail(`npm start exited (${exit.code ?? exit.signal}) before ${readyUrl} answered 200`);
console.log(`[smoke] ${readyUrl} answered 200 after ${Math.round((Date.now() - started) / 1000)} s`);

// To the whole group, as Ctrl-C or systemd does: npm would pass it to its `sh -c` only.
process.kill(-child.pid, 'SIGTERM');
const stopped = await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 60_000))]);
if (!stopped) fail('still running 60 s after SIGTERM');
// npm ends itself with the signal it got; the server's own exit shows in its log.
if (stopped.code !== 0 && stopped.signal !== 'SIGTERM') fail(`npm start ended with ${stopped.code ?? stopped.signal} after SIGTERM`);
// npm does not wait for the server's drain: the server must be gone on its own within the minute.
for (let waited = 0; isGroupAlive(); waited += 500) {
  if (waited > 60_000) fail('the server was still running 60 s after SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
}
fs.rmSync(tmpDir, { recursive: true, force: true });
console.log(`[smoke] passed: npm start answered ${probePath} and stopped cleanly on Node ${process.version} (${Math.round((Date.now() - started) / 1000)} s)`);
