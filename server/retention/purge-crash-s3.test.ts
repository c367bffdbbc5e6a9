import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { copyMigratedPglite } from '@/test/harness/migrated-pglite-dir';
import { S3_TEST_CREDENTIALS, startS3, type S3Server } from '@/test/harness/s3';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const PURGE_CHILD = path.join(__dirname, 'testing', 'purge-child.ts');
const dirs: string[] = [];
let s3: S3Server;
let client: S3Client;
beforeAll(async () => {
  s3 = await startS3();
  client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: S3_TEST_CREDENTIALS });
});
afterAll(async () => {
  client?.destroy();
  await s3?.stop();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The environment of a Porthole process whose recordings go to the test bucket. */
function s3Env(extra: Record<string, string> = {}) {
  return {
    ...process.env,
    NODE_NO_WARNINGS: '1',
    PORTHOLE_RECORDING_STORE: 's3',
    PORTHOLE_S3_BUCKET: s3.bucket,
    PORTHOLE_S3_ENDPOINT: s3.endpoint,
    PORTHOLE_S3_FORCE_PATH_STYLE: '1',
    AWS_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
    ...extra,
  };
}

/** One process of the purge test's Porthole; its last stdout line is its answer. */
async function purgeChild(dataDir: string, secretKey: string, ...args: string[]) {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', PURGE_CHILD, dataDir, secretKey, ...args], { env: s3Env(), timeout: 180_000 });
    return { killed: false, answer: JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown> };
  } catch (error) {
    const { signal, stderr } = error as { signal?: string; stderr?: string };
    if (signal === 'SIGKILL') return { killed: true, answer: {} };
    throw new Error(`purge child failed: ${stderr ?? String(error)}`);
  }
}

async function objectCount(id: string): Promise<number> {
  return (await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `${id}/` }))).KeyCount ?? 0;
}

function newDataDir() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-purge-s3-'));
  dirs.push(dataDir);
  copyMigratedPglite(dataDir);
  return { dataDir, secretKey: randomBytes(32).toString('hex') };
}

for (const step of ['tombstone', 'store'] as const) {
  it(
    `on the s3 store, a purge process killed right after its ${step} step leaves nothing half-done once the next run has gone`,
    { timeout: 240_000 },
    async () => {
      const { dataDir, secretKey } = newDataDir();
      const { answer: seeded } = await purgeChild(dataDir, secretKey, 'seed');
      const id = seeded.id as string;
      expect(await objectCount(id)).toBeGreaterThan(0);

      const crashed = await purgeChild(dataDir, secretKey, 'purge', step);
      expect(crashed.killed).toBe(true);
      expect((await objectCount(id)) > 0).toBe(step === 'tombstone');

      const { answer } = await purgeChild(dataDir, secretKey, 'finish');
      expect(answer).toEqual({ result: { purged: 0, resumed: 1 }, tombstones: [{ id, isDone: true }], recordingsLeft: 0, chunksLeft: 0, purgeEvents: [id] });
      expect(await objectCount(id)).toBe(0);
    },
  );
}

it('npm run recordings:migrate moves a file recording into the bucket and prints a summary; bad arguments are refused', { timeout: 240_000 }, async () => {
  const { dataDir, secretKey } = newDataDir();
  const seedEnv = { ...process.env, NODE_NO_WARNINGS: '1' };
  const { stdout: seededOut } = await run(process.execPath, ['--import', 'tsx', PURGE_CHILD, dataDir, secretKey, 'seed'], { env: seedEnv, timeout: 180_000 });
  const id = (JSON.parse(seededOut.trim().split('\n').at(-1)!) as { id: string }).id;
  const script = path.join(ROOT, 'scripts', 'migrate-recordings.ts');
  const env = s3Env({ PORTHOLE_DATA_DIR: dataDir, PORTHOLE_SECRET_KEY: secretKey, PORTHOLE_RECORDING_STORE: 'file' });

  const dry = await run(process.execPath, ['--import', 'tsx', script, '--to=s3', '--dry-run'], { env, cwd: ROOT, timeout: 180_000 });
  expect(dry.stdout).toContain('dry run: 1 recording would move to s3, 0 live recordings skipped.');
  expect(await objectCount(id)).toBe(0);

  const moved = await run(process.execPath, ['--import', 'tsx', script, '--to=s3'], { env, cwd: ROOT, timeout: 180_000 });
  expect(moved.stdout).toContain(`moved ${id} (file → s3, `);
  expect(moved.stdout).toContain('1 recording moved to s3, 0 live recordings skipped.');
  expect(await objectCount(id)).toBeGreaterThan(0);
  expect(fs.existsSync(path.join(dataDir, 'recordings', id))).toBe(false);

  await expect(run(process.execPath, ['--import', 'tsx', script, '--to=tape'], { env, cwd: ROOT, timeout: 180_000 })).rejects.toMatchObject({
    code: 2,
    stdout: expect.stringContaining('--to must be one of file, postgres, s3'),
  });
});
