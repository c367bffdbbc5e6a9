import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setTestEnv } from '@/test/env';
import { clientAddress } from '@/lib/net/client-address';
import { env, EnvError, listenHost, parseEnv } from './env';

const KEY = 'ab'.repeat(32);

type Source = Record<string, string | undefined>;
const parse = (source: Source) => parseEnv(source);

function errorOf(source: Source): string {
  try {
    parse(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('parseEnv', () => {
  it('starts with nothing configured: embedded database, port 3000, ./data', () => {
    const config = parse({});
    expect(config).toMatchObject({
      port: 3000,
      host: undefined,
      nodeEnv: 'production',
      databaseUrl: undefined,
      secretKey: undefined,
      publicUrl: 'http://localhost:3000',
      demo: undefined,
      admin: undefined,
      oidc: undefined,
      isWebhookPrivateAllowed: false,
      isMetadataHostAllowed: false,
    });
    expect(config.dataDir).toBe(path.resolve('./data'));
  });

  it('reads a full configuration, trimming values and ignoring empty ones', () => {
    const config = parse({
      PORT: '8080',
      DATABASE_URL: ' postgresql://u:p@db:5432/porthole ',
      PORTHOLE_SECRET_KEY: KEY,
      PORTHOLE_PUBLIC_URL: 'https://porthole.example.test/ignored/path',
      PORTHOLE_DEMO: 'no',
      PORTHOLE_ADMIN_EMAIL: 'ops@example.test',
      PORTHOLE_ADMIN_PASSWORD: 'a long admin passphrase',
      OIDC_ISSUER: 'https://sso.example.test/realms/main',
      OIDC_CLIENT_ID: 'porthole',
      OIDC_CLIENT_SECRET: 'shh',
      OIDC_ROLE_MAP: 'ops = admin, sre=approver',
      OIDC_DISPLAY_NAME: 'Okta',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgresql://u:p@db:5432/porthole',
      secretKey: KEY,
      publicUrl: 'https://porthole.example.test',
      demo: false,
      admin: { email: 'ops@example.test', password: 'a long admin passphrase' },
      oidc: { issuer: 'https://sso.example.test/realms/main', clientId: 'porthole', displayName: 'Okta', roleMap: { ops: 'admin', sre: 'approver' } },
    });
    expect(parse({ PORTHOLE_WEBHOOK_ALLOW_PRIVATE: '1', PORTHOLE_ALLOW_METADATA_HOSTS: 'yes' })).toMatchObject({
      isWebhookPrivateAllowed: true,
      isMetadataHostAllowed: true,
    });
    expect(parse({ DATABASE_URL: '   ', PORTHOLE_DEMO: '' })).toMatchObject({ databaseUrl: undefined, demo: undefined });
  });

  it('listens on loopback in demo mode, whose passwords are published, unless PORTHOLE_HOST is set', () => {
    expect(listenHost(parse({}), true)).toBe('127.0.0.1');
    expect(listenHost(parse({}), false)).toBe('0.0.0.0');
    expect(listenHost(parse({ PORTHOLE_HOST: ' 0.0.0.0 ' }), true)).toBe('0.0.0.0');
    expect(listenHost(parse({ PORTHOLE_HOST: '10.0.0.5' }), false)).toBe('10.0.0.5');
  });

  it('stops the start when the s3 store has no bucket; reads the S3 settings with their defaults', () => {
    expect(errorOf({ PORTHOLE_RECORDING_STORE: 's3' })).toContain('PORTHOLE_S3_BUCKET: is required with PORTHOLE_RECORDING_STORE=s3');
    expect(errorOf({ PORTHOLE_RECORDING_STORE: 's3', PORTHOLE_S3_BUCKET: 'b', PORTHOLE_S3_OBJECT_LOCK: 'sometimes' })).toContain('PORTHOLE_S3_OBJECT_LOCK');
    expect(parse({ PORTHOLE_RECORDING_STORE: 's3', PORTHOLE_S3_BUCKET: 'recordings', PORTHOLE_S3_PREFIX: '/porthole/prod/' })).toMatchObject({
      recordingStore: 's3',
      s3: { bucket: 'recordings', endpoint: undefined, region: 'us-east-1', isPathStyle: false, prefix: 'porthole/prod', objectLock: 'auto' },
    });
    expect(parse({}).s3).toBeUndefined();
  });

  it('names PORT when it is not a port number', () => {
    for (const PORT of ['abc', '0', '70000', '80.5']) expect(errorOf({ PORT })).toMatch(/^Invalid configuration: PORT: /);
  });

  it('limits browser sessions to 8 hours, 1 hour idle, unless configured; idle never beyond the limit', () => {
    expect(parse({}).session).toEqual({ maxAgeSeconds: 8 * 3600, idleSeconds: 3600 });
    expect(parse({ PORTHOLE_SESSION_MAX_HOURS: '12', PORTHOLE_SESSION_IDLE_MINUTES: '15' }).session).toEqual({ maxAgeSeconds: 12 * 3600, idleSeconds: 900 });
    expect(errorOf({ PORTHOLE_SESSION_MAX_HOURS: '0' })).toContain('PORTHOLE_SESSION_MAX_HOURS');
    expect(errorOf({ PORTHOLE_SESSION_IDLE_MINUTES: '1' })).toContain('PORTHOLE_SESSION_IDLE_MINUTES');
    expect(errorOf({ PORTHOLE_SESSION_MAX_HOURS: '1', PORTHOLE_SESSION_IDLE_MINUTES: '90' })).toMatch(/PORTHOLE_SESSION_IDLE_MINUTES: must not be longer/);
  });

  it('holds program output that may begin a secret 250 ms on screen unless configured (0 to 5000 ms)', () => {
    expect(parse({}).maskScreenHoldMs).toBe(250);
    expect(parse({ PORTHOLE_MASK_SCREEN_HOLD_MS: ' ' }).maskScreenHoldMs).toBe(250);
    expect(parse({ PORTHOLE_MASK_SCREEN_HOLD_MS: '0' }).maskScreenHoldMs).toBe(0);
    expect(parse({ PORTHOLE_MASK_SCREEN_HOLD_MS: '1000' }).maskScreenHoldMs).toBe(1000);
    for (const value of ['-1', '5001', '2.5', 'soon'])
      expect(errorOf({ PORTHOLE_MASK_SCREEN_HOLD_MS: value })).toMatch(/^Invalid configuration: PORTHOLE_MASK_SCREEN_HOLD_MS: /);
  });

  it('ends sessions without input only when configured (0 to 1440 minutes, 0 off)', () => {
    expect(parse({}).sessionInputIdleMs).toBe(0);
    expect(parse({ PORTHOLE_SESSION_INPUT_IDLE_MINUTES: '30' }).sessionInputIdleMs).toBe(1_800_000);
    expect(parse({ PORTHOLE_SESSION_INPUT_IDLE_MINUTES: '0.5' }).sessionInputIdleMs).toBe(30_000);
    expect(parse({ PORTHOLE_SESSION_INPUT_IDLE_MINUTES: '0' }).sessionInputIdleMs).toBe(0);
    for (const value of ['-1', '1441', 'an hour', '1e3'])
      expect(errorOf({ PORTHOLE_SESSION_INPUT_IDLE_MINUTES: value })).toMatch(/^Invalid configuration: PORTHOLE_SESSION_INPUT_IDLE_MINUTES: /);
  });

  it('names the missing OIDC variable when single sign-on is half configured', () => {
    expect(errorOf({ OIDC_ISSUER: 'https://sso.example.test', OIDC_CLIENT_ID: 'porthole' })).toContain('OIDC_CLIENT_SECRET');
    expect(errorOf({ OIDC_ISSUER: 'https://sso.example.test', OIDC_CLIENT_SECRET: 'shh' })).toContain('OIDC_CLIENT_ID');
    expect(errorOf({ OIDC_CLIENT_ID: 'porthole', OIDC_CLIENT_SECRET: 'shh' })).toContain('OIDC_ISSUER');
  });

  it('trusts an OIDC e-mail without an email_verified claim only when OIDC_TRUST_EMAIL_WITHOUT_VERIFIED_CLAIM is on', () => {
    const oidc = { OIDC_ISSUER: 'https://sso.example.test', OIDC_CLIENT_ID: 'porthole', OIDC_CLIENT_SECRET: 'shh' };
    expect(parse(oidc).oidc?.isEmailTrustedWithoutVerifiedClaim).toBe(false);
    expect(parse({ ...oidc, OIDC_TRUST_EMAIL_WITHOUT_VERIFIED_CLAIM: 'on' }).oidc?.isEmailTrustedWithoutVerifiedClaim).toBe(true);
    expect(errorOf({ ...oidc, OIDC_TRUST_EMAIL_WITHOUT_VERIFIED_CLAIM: 'sure' })).toContain('OIDC_TRUST_EMAIL_WITHOUT_VERIFIED_CLAIM');
  });

  it('requires PORTHOLE_SECRET_KEY with DATABASE_URL, so replicas share one key', () => {
    expect(errorOf({ DATABASE_URL: 'postgres://db/porthole' })).toMatch(/PORTHOLE_SECRET_KEY: /);
    expect(parse({ DATABASE_URL: 'postgres://db/porthole', PORTHOLE_SECRET_KEY: KEY }).databaseUrl).toBe('postgres://db/porthole');
    expect(parse({ PORTHOLE_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }).secretKey).toBeDefined();
  });

  it('rejects other bad values with one line per variable', () => {
    expect(errorOf({ DATABASE_URL: 'mysql://db/porthole', PORTHOLE_SECRET_KEY: KEY })).toContain('DATABASE_URL: must be a postgres');
    expect(errorOf({ PORTHOLE_SECRET_KEY: 'too-short' })).toContain('PORTHOLE_SECRET_KEY: must be 32 bytes');
    expect(errorOf({ PORTHOLE_DEMO: 'maybe' })).toContain('PORTHOLE_DEMO');
    expect(errorOf({ PORTHOLE_PUBLIC_URL: 'ftp://porthole' })).toContain('PORTHOLE_PUBLIC_URL');
    expect(errorOf({ PORTHOLE_ADMIN_EMAIL: 'ops@example.test' })).toContain('PORTHOLE_ADMIN_PASSWORD');
    expect(errorOf({ PORTHOLE_ADMIN_EMAIL: 'ops@example.test', PORTHOLE_ADMIN_PASSWORD: 'short' })).toContain(
      'PORTHOLE_ADMIN_PASSWORD: must be at least 12 characters',
    );
    expect(errorOf({ OIDC_ROLE_MAP: 'ops=root' })).toContain('OIDC_ROLE_MAP');

    const message = errorOf({ PORT: 'x', PORTHOLE_DEMO: 'maybe' });
    expect(message).toContain('PORT: ');
    expect(message).toContain('PORTHOLE_DEMO: ');
    expect(message).not.toContain('\n');
  });
});

describe('env()', () => {
  it('parses process.env once and keeps the result', () => {
    setTestEnv({ PORT: '4321' });
    const first = env();
    expect(first.port).toBe(4321);
    process.env.PORT = '1234';
    expect(env()).toBe(first);
  });
});

describe('PORTHOLE_TRUSTED_PROXIES', () => {
  const parse = (value: string) => parseEnv({ PORTHOLE_TRUSTED_PROXIES: value }).trustedProxies;

  it('unset or blank trusts nobody', () => {
    expect(parseEnv({}).trustedProxies).toBeUndefined();
    expect(parse('  ')).toBeUndefined();
  });

  it('takes addresses, CIDR ranges and the private shorthand', () => {
    const list = parse('192.0.2.10, 2001:db8::/32, private');
    expect(clientAddress('192.0.2.10', '198.51.100.1', list)).toBe('198.51.100.1');
    expect(clientAddress('192.0.2.11', '198.51.100.1', list)).toBe('192.0.2.11');
    expect(clientAddress('2001:db8:ffff::1', '198.51.100.1', list)).toBe('198.51.100.1');
    expect(clientAddress('172.31.0.1', '198.51.100.1', list)).toBe('198.51.100.1');
    expect(clientAddress('172.32.0.1', '198.51.100.1', list)).toBe('172.32.0.1');
  });

  it('stops the start with the bad entry named', () => {
    for (const bad of ['10.0.0.0/33', '::/129', 'nginx', '10.0.0.1:8080', '10.0.0.0/8/1', '10.0.0.0/', ',']) {
      expect(() => parse(bad), bad).toThrow(/PORTHOLE_TRUSTED_PROXIES: /);
    }
    expect(() => parse('127.0.0.1, nginx')).toThrow('PORTHOLE_TRUSTED_PROXIES: "nginx" is not an IP address, a CIDR range, "loopback" or "private"');
  });
});
