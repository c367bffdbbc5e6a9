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

  it('copies the migrated template: a test database has the schema and no rows, and a change to it stays in it', async () => {
    const adminUrl = inject('postgresUrl');
    const tables = async (url: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ users: number; tables: number }>(
          "select (select count(*) from users)::int as users, (select count(*) from pg_tables where schemaname = 'public')::int as tables",
        );
        return rows[0]!;
      } finally {
        await client.end();
      }
    };
    const first = await createDatabase(adminUrl, `harness_copy_a_${process.pid}`, inject('postgresTemplate'));
    const copied = await tables(first);
    expect(copied.users).toBe(0);
    expect(copied.tables).toBeGreaterThan(20);
    const client = new pg.Client({ connectionString: first });
    await client.connect();
    await client.query("insert into users (email, name) values ('copy@example.test', 'Copy')");
    await client.end();
    const second = await createDatabase(adminUrl, `harness_copy_b_${process.pid}`, inject('postgresTemplate'));
    expect(await tables(second)).toEqual({ users: 0, tables: copied.tables });
    await expect(createDatabase(adminUrl, `harness_copy_c_${process.pid}`, 'Bad-Template')).rejects.toThrow(/invalid test database name/);
  });
});
