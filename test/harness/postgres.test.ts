import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { assertPostgresInstalled, createDatabase } from './postgres';

describe('test PostgreSQL harness', () => {
  it('names the Debian package when the server binaries are missing', () => {
    expect(() => assertPostgresInstalled('/nonexistent/postgresql/bin')).toThrow(/apt-get install -y postgresql/);
  });

  it('serves password logins over TCP on 127.0.0.1 and creates separate databases', async () => {
    const adminUrl = inject('postgresUrl');
    expect(new URL(adminUrl).hostname).toBe('127.0.0.1');
    const name = `harness_${process.pid}`;
    const url = await createDatabase(adminUrl, name);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ db: string; superuser: string }>("select current_database() as db, current_setting('is_superuser') as superuser");
      expect(rows[0]).toEqual({ db: name, superuser: 'on' });
    } finally {
      await client.end();
    }
    await expect(createDatabase(adminUrl, 'Bad-Name')).rejects.toThrow(/invalid test database name/);
  });
});
