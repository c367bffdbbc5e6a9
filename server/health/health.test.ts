import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { db, setDb, type Db } from '@/db/client';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { freePort } from '@/test/harness/free-port';
import { createHttpServer } from '../http/create-http-server';
import { startDraining } from '../lifecycle/draining';
import { forgetProcessSingleton } from '@/lib/process-singleton';

let server: http.Server;
let base: string;
beforeAll(async () => {
  // Next.js's place is taken by a handler that would answer 418: health must never reach it.
  server = createHttpServer({ handleRequest: async (_req, res) => void res.writeHead(418).end(), handleSocketUpgrade: (_req, socket) => socket.destroy() });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  forgetProcessSingleton('draining');
});

async function probe(name: 'live' | 'ready', init?: RequestInit): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(`${base}/api/health/${name}`, init);
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: res.headers };
}

const OK = { status: 200, body: { status: 'ok' } };
const UNAVAILABLE = { status: 503, body: { status: 'unavailable' } };

describeEachDriver('health endpoints', (driver) => {
  const store = driver === 'pglite' ? 'file' : 'postgres';

  it(`live and ready answer 200 with only a status, without auth or a same-origin header [${store} store]`, async () => {
    setTestEnv({ PORTHOLE_RECORDING_STORE: store });
    expect(await probe('live')).toMatchObject(OK);
    const ready = await probe('ready');
    expect(ready).toMatchObject(OK);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(ready.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await probe('ready', { method: 'HEAD' })).status).toBe(200);
    expect((await probe('ready', { method: 'POST' })).status).toBe(405);
  });

  it('ready turns 503 while draining; live stays 200', async () => {
    startDraining();
    expect(await probe('ready')).toMatchObject(UNAVAILABLE);
    expect(await probe('live')).toMatchObject(OK);
  });

  it('ready turns 503 when the database is closed, and says nothing about why', async () => {
    // A real PostgreSQL client whose server is gone (nothing listens on the port any more).
    const pool = new Pool({ connectionString: `postgres://porthole@127.0.0.1:${await freePort()}/porthole`, connectionTimeoutMillis: 1000 });
    const current = (globalThis as { __portholeDb?: Parameters<typeof setDb>[0] }).__portholeDb;
    setDb({ db: drizzle(pool) as unknown as Db, driver: 'postgres', close: () => pool.end() });
    try {
      const ready = await probe('ready');
      expect(ready).toMatchObject(UNAVAILABLE);
      expect(JSON.stringify(ready.body)).not.toMatch(/closed|pglite|database|error/i);
    } finally {
      setDb(current);
      await pool.end();
    }
    expect(await probe('ready')).toMatchObject(OK);
  });

  it('ready turns 503 when the newest migration is not applied', async () => {
    // Both drivers answer raw queries with `{ rows }`.
    const result: unknown = await db().execute(sql`select id, hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`);
    const newest = (result as { rows: { id: number; hash: string; created_at: string }[] }).rows[0];
    if (!newest) throw new Error('no migrations recorded');
    await db().execute(sql`delete from drizzle.__drizzle_migrations where id = ${newest.id}`);
    try {
      expect(await probe('ready')).toMatchObject(UNAVAILABLE);
    } finally {
      await db().execute(sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${newest.id}, ${newest.hash}, ${newest.created_at})`);
    }
    expect(await probe('ready')).toMatchObject(OK);
  });
});

describeEachDriver('health endpoints: recording store', () => {
  it('ready turns 503 when the file store cannot be written', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-health-'));
    try {
      // A file where the recordings directory should be: no probe can be written (even as root).
      fs.writeFileSync(path.join(dataDir, 'recordings'), 'not a directory');
      setTestEnv({ PORTHOLE_DATA_DIR: dataDir, PORTHOLE_RECORDING_STORE: 'file' });
      expect(await probe('ready')).toMatchObject(UNAVAILABLE);
      fs.rmSync(path.join(dataDir, 'recordings'));
      expect(await probe('ready')).toMatchObject(OK);
      expect(fs.readdirSync(path.join(dataDir, 'recordings'))).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
