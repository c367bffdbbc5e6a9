import { formatDuration } from '@/lib/format/duration';
import type { Env } from '../env';
import type { RetentionSettings } from '../retention-policy/retention-settings';

/**
 * One setting as the admin's Settings page shows it: its value in words, and where it is changed
 * (an environment variable, read at start, or a page).
 */
export type SettingRow = { label: string; value: string; envVar?: string; page?: { href: string; label: string } };
export type SettingGroup = { title: string; rows: SettingRow[] };

/** What the page reads besides the environment. */
export type SettingFacts = {
  retention: RetentionSettings;
  /** Resources with an idle limit of their own (Manage resources → Sessions). */
  resourcesWithOwnIdleLimit: number;
  /** The id of the key that signs sealed recordings (public). */
  signingKeyId: string;
};

const on = (flag: boolean | undefined) => (flag ? 'On' : 'Off');
const minutes = (value: number) => (value > 0 ? formatDuration(value * 60) : 'Off');

/**
 * The installation's effective configuration, for admins: what applies now and where to change
 * it. Never a secret: keys, passwords, tokens and the database password are said to be set, or
 * where they come from, never shown.
 */
export function installationSettings(config: Env, facts: SettingFacts): SettingGroup[] {
  return [installation(config), signIn(config), sessions(config, facts), recordings(config, facts), network(config)];
}

function installation(config: Env): SettingGroup {
  return {
    title: 'Installation',
    rows: [
      { label: 'Public address', value: config.publicUrl, envVar: 'PORTHOLE_PUBLIC_URL' },
      { label: 'Database', value: databaseDescription(config), envVar: 'DATABASE_URL' },
      { label: 'Data directory', value: config.dataDir, envVar: 'PORTHOLE_DATA_DIR' },
      {
        label: 'Credential encryption key',
        value: config.secretKey ? 'From the environment' : 'Generated in the data directory (secret.key)',
        envVar: 'PORTHOLE_SECRET_KEY',
      },
      { label: 'Demo mode', value: on(config.demo), envVar: 'PORTHOLE_DEMO' },
      { label: 'Log level', value: config.logLevel, envVar: 'LOG_LEVEL' },
    ],
  };
}

function signIn(config: Env): SettingGroup {
  const { oidc, session } = config;
  const roleMap = oidc ? Object.entries(oidc.roleMap) : [];
  return {
    title: 'Sign-in',
    rows: [
      {
        label: 'Single sign-on',
        value: oidc ? `${oidc.displayName}: ${oidc.issuer} (client ${oidc.clientId})` : 'Off: local accounts only',
        envVar: 'OIDC_ISSUER',
      },
      ...(oidc
        ? [
            {
              label: 'Roles from the identity provider',
              value: roleMap.length ? `${oidc.rolesClaim}: ${roleMap.map(([group, role]) => `${group} → ${role}`).join(', ')}` : 'None mapped',
              envVar: 'OIDC_ROLE_MAP',
            },
            {
              label: 'E-mail without a verified claim',
              value: oidc.isEmailTrustedWithoutVerifiedClaim ? 'Trusted' : 'Not trusted',
              envVar: 'OIDC_TRUST_EMAIL_WITHOUT_VERIFIED_CLAIM',
            },
          ]
        : []),
      { label: 'Sign-in lasts at most', value: formatDuration(session.maxAgeSeconds), envVar: 'PORTHOLE_SESSION_MAX_HOURS' },
      { label: 'Sign-in ends after inactivity', value: formatDuration(session.idleSeconds), envVar: 'PORTHOLE_SESSION_IDLE_MINUTES' },
      { label: 'First admin', value: config.admin ? config.admin.email : 'Not set', envVar: 'PORTHOLE_ADMIN_EMAIL' },
    ],
  };
}

function sessions(config: Env, facts: SettingFacts): SettingGroup {
  const own = facts.resourcesWithOwnIdleLimit;
  return {
    title: 'Sessions',
    rows: [
      {
        label: 'End sessions without input after',
        value: `${minutes(config.sessionInputIdleMs / 60_000)}${own ? `; ${own} resource${own === 1 ? ' sets its' : 's set their'} own` : ''}`,
        envVar: 'PORTHOLE_SESSION_INPUT_IDLE_MINUTES',
        page: { href: '/admin/resources', label: 'Manage resources' },
      },
      { label: 'Screen holds a possible secret for', value: `${config.maskScreenHoldMs} ms`, envVar: 'PORTHOLE_MASK_SCREEN_HOLD_MS' },
      { label: 'HTTP body recorded up to', value: bytes(config.http.bodyRecordLimit), envVar: 'PORTHOLE_HTTP_BODY_RECORD_LIMIT' },
      { label: 'HTTP request time limit', value: formatDuration(config.http.timeoutMs / 1000), envVar: 'PORTHOLE_HTTP_TIMEOUT_SECONDS' },
      { label: 'Shutdown waits for sessions', value: formatDuration(config.drainSeconds), envVar: 'PORTHOLE_DRAIN_SECONDS' },
    ],
  };
}

function recordings(config: Env, facts: SettingFacts): SettingGroup {
  const { s3 } = config;
  const store =
    config.recordingStore === 's3' && s3
      ? `S3 bucket ${s3.bucket}${s3.prefix ? `/${s3.prefix}` : ''}${s3.region ? ` (${s3.region})` : ''}${s3.endpoint ? ` at ${hostOf(s3.endpoint)}` : ''}, Object Lock ${s3.objectLock}`
      : config.recordingStore === 'postgres'
        ? 'The database'
        : 'Files in the data directory';
  return {
    title: 'Recordings',
    rows: [
      { label: 'Stored in', value: store, envVar: 'PORTHOLE_RECORDING_STORE', page: { href: '/admin/storage', label: 'Storage' } },
      {
        label: 'Kept for',
        value:
          facts.retention.defaultDays > 0
            ? `${facts.retention.defaultDays} days, unless the resource says otherwise`
            : 'Forever, unless the resource says otherwise',
        page: { href: '/admin/retention', label: 'Retention & holds' },
      },
      {
        label: 'Owners may delete their own',
        value: facts.retention.ownersMayDelete ? 'Yes' : 'No',
        page: { href: '/admin/retention', label: 'Retention & holds' },
      },
      {
        label: 'Signing key',
        value: `${facts.signingKeyId} (${config.signingKeyPem ? 'from the environment' : 'generated in the data directory'})`,
        envVar: 'PORTHOLE_SIGNING_KEY',
      },
    ],
  };
}

function network(config: Env): SettingGroup {
  const { metrics } = config;
  const proxies = config.trustedProxies?.rules ?? [];
  return {
    title: 'Network',
    rows: [
      { label: 'Trusted reverse proxies', value: proxies.length ? proxies.join('; ') : 'None: X-Forwarded-For is ignored', envVar: 'PORTHOLE_TRUSTED_PROXIES' },
      { label: 'Webhooks to private addresses', value: config.isWebhookPrivateAllowed ? 'Allowed' : 'Refused', envVar: 'PORTHOLE_WEBHOOK_ALLOW_PRIVATE' },
      { label: 'Resources at cloud metadata addresses', value: config.isMetadataHostAllowed ? 'Allowed' : 'Refused', envVar: 'PORTHOLE_ALLOW_METADATA_HOSTS' },
      {
        label: 'Metrics',
        value: metrics.port
          ? `On ${metrics.host}:${metrics.port}${metrics.token ? ', with a token' : ''}`
          : metrics.token
            ? 'On /metrics, with a token'
            : 'Off',
        envVar: metrics.port ? 'PORTHOLE_METRICS_PORT' : 'PORTHOLE_METRICS_TOKEN',
      },
      { label: 'Replicas reach this one at', value: config.replica.internalUrl, envVar: 'PORTHOLE_INTERNAL_URL' },
    ],
  };
}

/** Where the database is, without its password: the embedded PGlite, or the server's host, port and name. */
function databaseDescription(config: Env): string {
  if (!config.databaseUrl) return 'Embedded (PGlite) in the data directory';
  try {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname.length > 1 ? ` (${decodeURIComponent(url.pathname.slice(1))})` : ''}`;
  } catch {
    return 'PostgreSQL';
  }
}

/** An endpoint's host and port: a URL may carry a user and password. */
function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return 'a custom endpoint';
  }
}

function bytes(count: number): string {
  return count >= 1024 * 1024 ? `${(count / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 })} MiB` : `${Math.round(count / 1024)} KiB`;
}
