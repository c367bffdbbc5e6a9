import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDb, setDb, db, dbDriver } from './client';
import { users } from './schema';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-client-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('openDb', () => {
  // A new data directory (initdb + migrations) is what the run's PGlite template is made
  // with (test/harness/pglite-template.ts); here, a copy of it is reopened.
  it('opens an embedded database on disk and keeps data across a restart', async () => {
    const dataDir = path.join(tmp, 'pglite');
    fs.cpSync(inject('pgliteTemplateDir'), dataDir, { recursive: true });
    const first = await openDb({ driver: 'pglite', dataDir });
    expect(first.driver).toBe('pglite');
    await first.db.insert(users).values({ email: 'kept@example.test', name: 'Kept' });
    await first.close();

    const second = await openDb({ driver: 'pglite', dataDir });
    const rows = await second.db.select().from(users);
    expect(rows.map((u) => u.email)).toEqual(['kept@example.test']);
    await second.close();
  });

  it('says clearly when PostgreSQL refuses the connection, without leaking the password', async () => {
    const url = new URL(inject('postgresUrl'));
    url.password = 'wrong-password';
    const error = await openDb({ driver: 'postgres', url: url.toString() }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^cannot open the PostgreSQL database: password authentication failed/);
    expect((error as Error).message).not.toContain('\n');
    expect((error as Error).message).not.toContain('wrong-password');
  });

  it('says clearly when nothing listens at DATABASE_URL', async () => {
    await expect(openDb({ driver: 'postgres', url: 'postgres://nobody:x@127.0.0.1:1/none' })).rejects.toThrow(
      /^cannot open the PostgreSQL database: connect ECONNREFUSED 127\.0\.0\.1:1$/,
    );
  });

  it('opens an in-memory embedded database and enforces e-mail uniqueness in any case', async () => {
    const handle = await openDb({ driver: 'pglite' });
    try {
      await handle.db.insert(users).values({ email: 'Ada@example.test', name: 'A' });
      await expect(handle.db.insert(users).values({ email: 'ada@EXAMPLE.test', name: 'B' })).rejects.toThrow();
      expect(await handle.db.$count(users)).toBe(1);
    } finally {
      await handle.close();
    }
  });
});

describe('db()', () => {
  it('explains what to do when no database is open', () => {
    setDb(undefined);
    expect(() => db()).toThrow(/database not opened/);
    expect(dbDriver()).toBeUndefined();
  });
});
