import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env';
import { installationSettings, type SettingFacts } from './installation-settings';

const FACTS: SettingFacts = { retention: { defaultDays: 90, ownersMayDelete: true }, resourcesWithOwnIdleLimit: 2, signingKeyId: '0123456789abcdef' };

function valueOf(groups: ReturnType<typeof installationSettings>, label: string): string | undefined {
  return groups.flatMap((group) => group.rows).find((row) => row.label === label)?.value;
}

describe("the admin's Settings page", () => {
  it('shows what applies and where it is changed, and never a key, password, secret or token', () => {
    const secrets = {
      PORTHOLE_SECRET_KEY: randomBytes(32).toString('base64'),
      PORTHOLE_ADMIN_PASSWORD: 'admin-password-7f3a9c',
      OIDC_CLIENT_SECRET: 'oidc-client-secret-51e0',
      PORTHOLE_METRICS_TOKEN: 'metrics-token-2b8d4e6f',
      PORTHOLE_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      databasePassword: 'db-password-93c1',
      s3EndpointPassword: 's3-endpoint-password-6d2a',
    };
    const config = parseEnv({
      PORTHOLE_SECRET_KEY: secrets.PORTHOLE_SECRET_KEY,
      DATABASE_URL: `postgres://porthole:${secrets.databasePassword}@db.internal:5433/porthole`,
      PORTHOLE_ADMIN_EMAIL: 'ops@example.com',
      PORTHOLE_ADMIN_PASSWORD: secrets.PORTHOLE_ADMIN_PASSWORD,
      OIDC_ISSUER: 'https://idp.example.com',
      OIDC_CLIENT_ID: 'porthole',
      OIDC_CLIENT_SECRET: secrets.OIDC_CLIENT_SECRET,
      OIDC_ROLE_MAP: 'sre=admin,dev=engineer',
      PORTHOLE_METRICS_TOKEN: secrets.PORTHOLE_METRICS_TOKEN,
      PORTHOLE_SIGNING_KEY: secrets.PORTHOLE_SIGNING_KEY,
      PORTHOLE_SESSION_INPUT_IDLE_MINUTES: '30',
      PORTHOLE_TRUSTED_PROXIES: '10.0.0.0/8',
      PORTHOLE_RECORDING_STORE: 's3',
      PORTHOLE_S3_BUCKET: 'recordings',
      PORTHOLE_S3_ENDPOINT: `https://minio:${secrets.s3EndpointPassword}@minio.internal:9000`,
    });
    const groups = installationSettings(config, FACTS);
    const shown = JSON.stringify(groups);
    // The PEM key by its body's first line.
    for (const [name, secret] of Object.entries(secrets)) expect(shown, name).not.toContain(secret.split('\n')[secret.startsWith('-----') ? 1 : 0]);

    expect(groups.map((group) => group.title)).toEqual(['Installation', 'Sign-in', 'Sessions', 'Recordings', 'Network']);
    expect(valueOf(groups, 'Database')).toBe('PostgreSQL at db.internal:5433 (porthole)');
    expect(valueOf(groups, 'Credential encryption key')).toBe('From the environment');
    expect(valueOf(groups, 'Single sign-on')).toBe('Single sign-on: https://idp.example.com (client porthole)');
    expect(valueOf(groups, 'Roles from the identity provider')).toBe('groups: sre → admin, dev → engineer');
    expect(valueOf(groups, 'End sessions without input after')).toBe('30m; 2 resources set their own');
    expect(valueOf(groups, 'Kept for')).toBe('90 days, unless the resource says otherwise');
    expect(valueOf(groups, 'Signing key')).toBe('0123456789abcdef (from the environment)');
    expect(valueOf(groups, 'Metrics')).toBe('On /metrics, with a token');
    expect(valueOf(groups, 'Stored in')).toBe('S3 bucket recordings (us-east-1) at minio.internal:9000, Object Lock auto');
    expect(valueOf(groups, 'Trusted reverse proxies')).toContain('10.0.0.0/8');
  });

  it('says what the defaults are on a bare installation', () => {
    const groups = installationSettings(parseEnv({}), { ...FACTS, retention: { defaultDays: 0, ownersMayDelete: false }, resourcesWithOwnIdleLimit: 1 });
    expect(valueOf(groups, 'Database')).toBe('Embedded (PGlite) in the data directory');
    expect(valueOf(groups, 'Single sign-on')).toBe('Off: local accounts only');
    expect(valueOf(groups, 'End sessions without input after')).toBe('Off; 1 resource sets its own');
    expect(valueOf(groups, 'Kept for')).toBe('Forever, unless the resource says otherwise');
    expect(valueOf(groups, 'Stored in')).toBe('Files in the data directory');
    expect(valueOf(groups, 'Trusted reverse proxies')).toBe('None: X-Forwarded-For is ignored');
    expect(valueOf(groups, 'Metrics')).toBe('Off');
  });
});
