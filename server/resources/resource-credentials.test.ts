import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Resource } from '@/db/schema';
import { openCredentials, sealCredentials } from './resource-credentials';
import { toResourceView } from './resource-view';

describe('resource credentials', () => {
  it('round-trip, leaving out empty values', () => {
    const id = randomUUID();
    const envelope = sealCredentials(id, { password: 'p4ss', privateKey: '', passphrase: undefined });
    expect(openCredentials(id, envelope)).toEqual({ password: 'p4ss' });
  });

  it('cannot be opened on another row (ciphertext copied between resources)', () => {
    const envelope = sealCredentials(randomUUID(), { password: 'p4ss' });
    expect(() => openCredentials(randomUUID(), envelope)).toThrow();
  });

  it('a row whose credentials cannot be opened shows as having none, rather than failing the page', () => {
    const now = new Date();
    const row: Resource = {
      id: randomUUID(),
      name: 'copied',
      type: 'ssh',
      description: '',
      tags: [],
      host: 'h',
      port: 22,
      username: 'u',
      database: null,
      tls: null,
      accessMode: 'open',
      allowedRoles: ['engineer'],
      credentials: sealCredentials(randomUUID(), { password: 'p4ss' }),
      hostKey: null,
      hostKeyFingerprint: null,
      retentionDays: null,
      recording: 'on',
      inputIdleMinutes: null,
      settings: null,
      createdAt: now,
      updatedAt: now,
    };
    expect(toResourceView(row)).toMatchObject({ hasPassword: false, hasPrivateKey: false });
  });
});
