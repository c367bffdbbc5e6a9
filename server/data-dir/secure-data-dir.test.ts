import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { secureDataDir } from './secure-data-dir';
import { captureLogs } from '@/test/harness/capture-logs';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-modes-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Every path under the directory with its permission bits, e.g. { 'pglite/PG_VERSION': 0o600 }. */
function modes(dir: string): Record<string, number> {
  const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true });
  return Object.fromEntries(
    entries.map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(dir, file), fs.lstatSync(file).mode & 0o777];
    }),
  );
}

it('makes an existing world-readable data directory private, with one warning line', () => {
  // As an older Porthole left it (umask 022), whatever this process's umask is.
  const make = (file: string, mode: number, content?: string) => {
    const full = path.join(dataDir, file);
    if (content === undefined) fs.mkdirSync(full);
    else fs.writeFileSync(full, content);
    fs.chmodSync(full, mode);
  };
  fs.chmodSync(dataDir, 0o755);
  make('recordings', 0o755);
  make('recordings/ab', 0o755);
  make('recordings/ab/events.log', 0o644, 'x');
  make('secret.key', 0o600, 'k');
  make('run.sh', 0o755, 'x');
  const logs = captureLogs();

  expect(secureDataDir(dataDir)).toBe(5);
  expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
  expect(modes(dataDir)).toEqual({ recordings: 0o700, 'recordings/ab': 0o700, 'recordings/ab/events.log': 0o600, 'secret.key': 0o600, 'run.sh': 0o700 });
  const warnings = () => logs.entries().filter((entry) => entry.level === 'warn');
  expect(warnings()).toHaveLength(1);
  expect(warnings()[0]?.msg).toMatch(/5 path\(s\) in the data directory .* are now private/);

  expect(secureDataDir(dataDir)).toBe(0);
  expect(warnings()).toHaveLength(1);
  logs.restore();
});

it('files the server creates (PGlite and its WAL, recordings) are readable by its user only', () => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'testing', 'data-dir-child.ts'), 'create', dataDir], {
    cwd: path.resolve(__dirname, '..', '..'),
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
    encoding: 'utf8',
    timeout: 150_000,
  });
  expect(child.stdout + child.stderr).toContain('created');
  const created = modes(dataDir);
  expect(Object.keys(created)).toEqual(expect.arrayContaining(['pglite/PG_VERSION', 'recordings/ab/events.log']));
  expect(Object.keys(created).some((file) => file.startsWith('pglite/pg_wal/'))).toBe(true);
  const readableByOthers = Object.entries(created).filter(([, mode]) => (mode & 0o077) !== 0);
  expect(readableByOthers).toEqual([]);
}, 180_000);
