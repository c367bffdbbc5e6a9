import { describe, expect, it } from 'vitest';
import { setTestEnv } from '@/test/env';
import { ConnectorError } from './connector-error';
import { openMysql } from './mysql/open-mysql';
import { openPostgres } from './postgres/open-postgres';
import { resolveTargetHost } from './resolve-target-host';
import { fetchHostKey } from './ssh/fetch-host-key';
import { openSshTerminal } from './ssh/open-ssh-terminal';

/** Not an IP literal to the form, but the system resolver reads it as 169.254.169.254. */
const RESOLVES_TO_METADATA = '2852039166';

const sqlTarget = (dialect: 'postgres' | 'mysql') => ({
  dialect,
  host: RESOLVES_TO_METADATA,
  port: 5432,
  user: 'app',
  password: 'pw',
  database: 'app',
  tls: { mode: 'disable' as const },
  isReadOnly: true,
  statementTimeoutMs: 0,
  connectTimeoutMs: 60_000,
});

describe('connectors and the cloud metadata service', () => {
  it('refuses a host name that resolves to a metadata address, before connecting', async () => {
    const refused = {
      name: 'ConnectorError',
      code: 'connect_failed',
      userMessage: expect.stringMatching(/2852039166 resolves to 169\.254\.169\.254, a link-local \(cloud metadata\) address/),
    };
    await expect(resolveTargetHost({ host: RESOLVES_TO_METADATA, port: 22, service: 'an SSH server' })).rejects.toMatchObject(refused);
    // Each connector asks first (a 60 s connect timeout would show if one tried to connect).
    await expect(openPostgres(sqlTarget('postgres'))).rejects.toMatchObject(refused);
    await expect(openMysql(sqlTarget('mysql'))).rejects.toMatchObject(refused);
    await expect(fetchHostKey(RESOLVES_TO_METADATA, 22)).rejects.toMatchObject(refused);
    const handlers = { onData: () => undefined, onDrain: () => undefined, onExit: () => undefined };
    await expect(
      openSshTerminal({ host: RESOLVES_TO_METADATA, port: 22, username: 'u', password: 'p', hostKeyFingerprint: null }, { cols: 80, rows: 24 }, handlers),
    ).rejects.toBeInstanceOf(ConnectorError);
  });

  it('connects private hosts by the checked address, and leaves names alone when metadata hosts are allowed', async () => {
    expect(await resolveTargetHost({ host: 'localhost', port: 22, service: 'an SSH server' })).toMatch(/^(127\.0\.0\.1|::1)$/);
    await expect(resolveTargetHost({ host: 'no-such-host.invalid', port: 22, service: 'an SSH server' })).rejects.toMatchObject({ code: 'dns_failed' });
    setTestEnv({ PORTHOLE_ALLOW_METADATA_HOSTS: '1' });
    expect(await resolveTargetHost({ host: RESOLVES_TO_METADATA, port: 22, service: 'an SSH server' })).toBe(RESOLVES_TO_METADATA);
  });
});
