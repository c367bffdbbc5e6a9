import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { copyMigratedPglite } from '@/test/harness/migrated-pglite-dir';
import type { SqlEvent } from '@/lib/sql/sql-events';
import type { SqlServerMessage } from '@/lib/protocol/sql-protocol';
import { createDatabase } from '@/test/harness/postgres';
import { connectSqlClient } from '@/test/harness/sql-client';
import type { PostgresTarget } from './testing/child-targets';
import { startGatewayChild } from './testing/start-child';
import type { VerifyResult } from './verify-recording';

type Inspection = { recording: { status: string }; sessionStatus: string; verify: VerifyResult };
type Page = Extract<SqlEvent, { sql: 'page' }>;

let dataDir: string;
let postgres: PostgresTarget;
const children: ChildProcess[] = [];
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-sql-crash-'));
  copyMigratedPglite(dataDir);
  const url = new URL(await createDatabase(inject('postgresUrl'), `sqlcrash_${randomBytes(5).toString('hex')}`));
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`CREATE TABLE t AS SELECT g AS n, 'row-' || g AS label FROM generate_series(1, 1000) g`);
  await client.end();
  postgres = {
    host: '127.0.0.1',
    port: Number(url.port),
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
  };
}, 60_000);
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// The first page (200 rows) comes at once; the statement then stops at row 300 for a minute,
// so the process dies while rows are out and the statement has not ended.
const STALLING_SELECT = `SELECT n, label, CASE WHEN n = 300 THEN pg_sleep(60)::text END AS pause FROM t`;

it('keeps every SQL row the browser received before a SIGKILL: pages are recorded before they are sent', async () => {
  const secretKey = randomBytes(32).toString('hex');
  const first = await startGatewayChild({ dataDir, secretKey, postgres }, children);
  const { id, wsUrl } = await first.ask<{ id: string; wsUrl: string }>({ type: 'sql-session' });
  const client = await connectSqlClient(wsUrl, { origin: first.ready.origin });
  const received: (string | null)[][] = [];
  let columns: string[] = [];
  client.ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as SqlServerMessage;
    if (message.type === 'rows') received.push(...message.rows);
    if (message.type === 'columns') columns = message.columns.map((column) => column.name);
  });
  await client.waitForMessage('status', (m) => m.state === 'connected', 30_000);
  client.start(STALLING_SELECT, 'stall');
  const deadline = Date.now() + 30_000;
  while (received.length < 200) {
    if (Date.now() > deadline) throw new Error(`only ${received.length} rows arrived: ${JSON.stringify(client.messages.slice(-3))}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  first.child.kill('SIGKILL');
  await once(first.child, 'exit');
  await client.closed;

  const second = await startGatewayChild({ dataDir, secretKey }, children);
  expect(second.ready.recovered).toBe(1);
  const { events } = await second.ask<{ events: SqlEvent[] }>({ type: 'sql-events', id });
  const pages = events.filter((event): event is Page => event.sql === 'page' && event.id === 'stall');
  expect(pages[0]?.columns?.map((column) => column.name)).toEqual(columns);
  const recorded = pages.flatMap((page) => page.rows);
  expect(recorded.length).toBeGreaterThanOrEqual(received.length);
  expect(recorded.slice(0, received.length)).toEqual(received);
  expect(received.slice(0, 2).map((row) => row.slice(0, 2))).toEqual([
    ['1', 'row-1'],
    ['2', 'row-2'],
  ]);
  const after = await second.ask<Inspection>({ type: 'inspect', id, file: path.join(dataDir, 'unused-output') });
  expect(after).toMatchObject({ recording: { status: 'interrupted' }, sessionStatus: 'interrupted', verify: { isValid: true } });
  second.child.kill('SIGKILL');
}, 120_000);
