import { createPrivateKey } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { parseTrustedProxies } from '@/lib/net/client-address';

/**
 * The one place that reads process.env. Parsed once at start-up; a bad value stops the start
 * with one line naming the variable.
 */
const flag = z.enum(['0', '1', 'true', 'false', 'yes', 'no', 'on', 'off']).transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** The key as PKCS#8 PEM if it is an Ed25519 private key, whichever way it was written. */
function signingKeyPem(value: string): string | undefined {
  const text = value.replace(/\\n/g, '\n');
  try {
    const key = text.includes('-----BEGIN') ? createPrivateKey(text) : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
    return key.asymmetricKeyType === 'ed25519' ? key.export({ type: 'pkcs8', format: 'pem' }).toString() : undefined;
  } catch {
    return undefined;
  }
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Unset: 127.0.0.1 in demo mode (published demo passwords), 0.0.0.0 otherwise; see listenHost(). */
    PORTHOLE_HOST: optionalString,
    PORTHOLE_DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
    PORTHOLE_SECRET_KEY: optionalString.pipe(
      z
        .string()
        .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, 'must be 32 bytes as 64 hex characters or base64')
        .optional(),
    ),
    /** Ed25519 key that signs sealed recordings: PKCS#8 PEM (newlines may be written \\n) or its base64 DER. */
    PORTHOLE_SIGNING_KEY: optionalString.transform((value, ctx) => {
      if (value === undefined) return undefined;
      const pem = signingKeyPem(value);
      if (!pem) ctx.addIssue({ code: 'custom', message: 'must be an Ed25519 private key in PKCS#8 PEM or base64 DER (openssl genpkey -algorithm ed25519)' });
      return pem;
    }),
    /** Where recordings go: files under the data directory, or PostgreSQL (default when DATABASE_URL is set). */
    PORTHOLE_RECORDING_STORE: optionalString.pipe(z.enum(['file', 'postgres', 's3']).optional()),
    /** The s3 store: sealed chunks and keyframes in this bucket (credentials from the standard AWS chain). */
    PORTHOLE_S3_BUCKET: optionalString,
    /** MinIO, Ceph RGW, Garage…: their URL; unset for AWS S3. */
    PORTHOLE_S3_ENDPOINT: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    PORTHOLE_S3_REGION: z.string().min(1).default('us-east-1'),
    /** bucket in the path rather than the host name, as most self-hosted servers want. */
    PORTHOLE_S3_FORCE_PATH_STYLE: optionalString.pipe(flag.optional()),
    /** Keys start with this (a folder in a shared bucket). */
    PORTHOLE_S3_PREFIX: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9!_.*'()/-]*$/, "may hold letters, digits, / and !-_.*'()")
        .optional(),
    ),
    /** Object Lock on chunks: auto follows the bucket's setting; off never sends it. */
    PORTHOLE_S3_OBJECT_LOCK: z.enum(['auto', 'off', 'governance', 'compliance']).default('auto'),
    PORTHOLE_PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    PORTHOLE_DEMO: optionalString.pipe(flag.optional()),
    /** Lets webhooks post to loopback and private addresses, and over plain http. */
    PORTHOLE_WEBHOOK_ALLOW_PRIVATE: optionalString.pipe(flag.optional()),
    /** Lets resources point at link-local addresses (cloud metadata services). */
    PORTHOLE_ALLOW_METADATA_HOSTS: optionalString.pipe(flag.optional()),
    /** A browser session's absolute lifetime from sign-in, however active the user is. */
    PORTHOLE_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(8),
    /** A browser session ends after this long without activity. */
    PORTHOLE_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(43_200).default(60),
    /**
     * A terminal or console with no input from the browser (keys, statements, requests) for this
     * long ends, as Teleport's client_idle_timeout does; 0 (the default) never ends one for that.
     */
    PORTHOLE_SESSION_INPUT_IDLE_MINUTES: optionalString.pipe(
      z
        .string()
        .regex(/^[0-9]{1,4}(\.[0-9]{1,2})?$/, 'must be a number of minutes from 0 to 1440 (0: off)')
        .transform(Number)
        .pipe(z.number().max(1440, 'must be a number of minutes from 0 to 1440 (0: off)'))
        .optional(),
    ),
    /**
     * How long the browser's copy holds program output that may begin a secret (a key printed in
     * two writes is masked on screen too). The echo of what the user types is released at once.
     */
    PORTHOLE_MASK_SCREEN_HOLD_MS: optionalString.pipe(
      z
        .string()
        .regex(/^[0-9]{1,4}$/, 'must be a whole number of milliseconds from 0 to 5000')
        .transform(Number)
        .pipe(z.number().max(5000, 'must be a whole number of milliseconds from 0 to 5000'))
        .optional(),
    ),
    /** HTTP API sessions: bytes of a request or response body shown and recorded; longer bodies are cut (their size and SHA-256 kept). */
    PORTHOLE_HTTP_BODY_RECORD_LIMIT: z.coerce
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024)
      .default(1024 * 1024),
    /** HTTP API sessions: the longest one request may take, start to last byte (connect and first byte have their own 10 s and 30 s). */
    PORTHOLE_HTTP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Bearer token for /metrics on the main port; unset (and no PORTHOLE_METRICS_PORT): /metrics is 404. */
    PORTHOLE_METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    /** A separate listener for /metrics only (no token needed there unless PORTHOLE_METRICS_TOKEN is set). */
    PORTHOLE_METRICS_PORT: optionalString.pipe(
      z
        .string()
        .regex(/^[0-9]{1,5}$/, 'must be a port number')
        .transform(Number)
        .pipe(z.number().int().min(1).max(65535))
        .optional(),
    ),
    PORTHOLE_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
    /** On SIGTERM, how long live sessions get to end and recordings to seal before a forced exit. */
    PORTHOLE_DRAIN_SECONDS: z.coerce.number().int().min(1).max(3600).default(25),
    /** Where the other replicas reach this one (a watch that landed on another replica is proxied here). */
    PORTHOLE_INTERNAL_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    /** A replica whose heartbeat is older than this is dead: a survivor marks its sessions interrupted. */
    PORTHOLE_REPLICA_TIMEOUT_SECONDS: z.coerce.number().int().min(2).max(600).default(30),
    /** Reverse proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, loopback, private); unset: nobody's. */
    PORTHOLE_TRUSTED_PROXIES: optionalString.transform((value, ctx) => {
      if (value === undefined) return undefined;
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        return undefined;
      }
    }),
    PORTHOLE_ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
    PORTHOLE_ADMIN_PASSWORD: optionalString.pipe(z.string().min(12, 'must be at least 12 characters').optional()),
    OIDC_ISSUER: optionalString.pipe(z.url().optional()),
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    OIDC_DISPLAY_NAME: z.string().min(1).default('Single sign-on'),
    OIDC_SCOPES: z.string().min(1).default('openid email profile'),
    OIDC_ROLES_CLAIM: z.string().min(1).default('groups'),
    /** Counts an e-mail as verified when the IdP sends no email_verified claim at all (never when it sends false). */
    OIDC_TRUST_EMAIL_WITHOUT_VERIFIED_CLAIM: optionalString.pipe(flag.optional()),
    OIDC_ROLE_MAP: optionalString.pipe(
      z
        .string()
        .regex(
          /^\s*[^=,\s]+\s*=\s*(engineer|approver|auditor|admin)\s*(,\s*[^=,\s]+\s*=\s*(engineer|approver|auditor|admin)\s*)*$/,
          'must look like "group=role,group=role" with roles engineer, approver, auditor or admin',
        )
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: [oidc[0] ? (oidc[1] ? 'OIDC_CLIENT_SECRET' : 'OIDC_CLIENT_ID') : 'OIDC_ISSUER'],
        message: 'OIDC needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together',
      });
    }
    if (Boolean(env.PORTHOLE_ADMIN_EMAIL) !== Boolean(env.PORTHOLE_ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.PORTHOLE_ADMIN_EMAIL ? 'PORTHOLE_ADMIN_PASSWORD' : 'PORTHOLE_ADMIN_EMAIL'],
        message: 'set PORTHOLE_ADMIN_EMAIL and PORTHOLE_ADMIN_PASSWORD together',
      });
    }
    if (env.PORTHOLE_SESSION_IDLE_MINUTES > env.PORTHOLE_SESSION_MAX_HOURS * 60) {
      ctx.addIssue({
        code: 'custom',
        path: ['PORTHOLE_SESSION_IDLE_MINUTES'],
        message: 'must not be longer than PORTHOLE_SESSION_MAX_HOURS',
      });
    }
    if (env.PORTHOLE_METRICS_PORT !== undefined && env.PORTHOLE_METRICS_PORT === env.PORT) {
      ctx.addIssue({ code: 'custom', path: ['PORTHOLE_METRICS_PORT'], message: 'must differ from PORT' });
    }
    if (env.PORTHOLE_RECORDING_STORE === 's3' && !env.PORTHOLE_S3_BUCKET) {
      ctx.addIssue({ code: 'custom', path: ['PORTHOLE_S3_BUCKET'], message: 'is required with PORTHOLE_RECORDING_STORE=s3' });
    }
    if (env.DATABASE_URL && !env.PORTHOLE_SECRET_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['PORTHOLE_SECRET_KEY'],
        message: 'is required with DATABASE_URL, so every replica decrypts credentials with the same key',
      });
    }
  });

export type Env = ReturnType<typeof toEnv>;

function toEnv(raw: z.output<typeof envSchema>) {
  const publicUrl = new URL(raw.PORTHOLE_PUBLIC_URL ?? `http://localhost:${raw.PORT}`);
  const roleMap = Object.fromEntries(
    (raw.OIDC_ROLE_MAP ?? '')
      .split(',')
      .map((pair) => pair.split('=').map((s) => s.trim()))
      .filter((pair): pair is [string, string] => pair.length === 2 && pair[0] !== ''),
  );
  return {
    nodeEnv: raw.NODE_ENV,
    isDev: raw.NODE_ENV === 'development',
    port: raw.PORT,
    host: raw.PORTHOLE_HOST,
    dataDir: path.resolve(raw.PORTHOLE_DATA_DIR),
    databaseUrl: raw.DATABASE_URL,
    secretKey: raw.PORTHOLE_SECRET_KEY,
    signingKeyPem: raw.PORTHOLE_SIGNING_KEY,
    recordingStore: raw.PORTHOLE_RECORDING_STORE ?? (raw.DATABASE_URL ? 'postgres' : 'file'),
    s3: raw.PORTHOLE_S3_BUCKET
      ? {
          bucket: raw.PORTHOLE_S3_BUCKET,
          endpoint: raw.PORTHOLE_S3_ENDPOINT,
          region: raw.PORTHOLE_S3_REGION,
          isPathStyle: raw.PORTHOLE_S3_FORCE_PATH_STYLE ?? false,
          prefix: (raw.PORTHOLE_S3_PREFIX ?? '').replace(/^\/+|\/+$/g, ''),
          objectLock: raw.PORTHOLE_S3_OBJECT_LOCK,
        }
      : undefined,
    publicUrl: publicUrl.origin,
    demo: raw.PORTHOLE_DEMO,
    isWebhookPrivateAllowed: raw.PORTHOLE_WEBHOOK_ALLOW_PRIVATE ?? false,
    isMetadataHostAllowed: raw.PORTHOLE_ALLOW_METADATA_HOSTS ?? false,
    maskScreenHoldMs: raw.PORTHOLE_MASK_SCREEN_HOLD_MS ?? 250,
    sessionInputIdleMs: Math.round((raw.PORTHOLE_SESSION_INPUT_IDLE_MINUTES ?? 0) * 60_000),
    http: { bodyRecordLimit: raw.PORTHOLE_HTTP_BODY_RECORD_LIMIT, timeoutMs: raw.PORTHOLE_HTTP_TIMEOUT_SECONDS * 1000 },
    logLevel: raw.LOG_LEVEL,
    metrics: { token: raw.PORTHOLE_METRICS_TOKEN, port: raw.PORTHOLE_METRICS_PORT, host: raw.PORTHOLE_METRICS_HOST },
    drainSeconds: raw.PORTHOLE_DRAIN_SECONDS,
    replica: {
      internalUrl: new URL(raw.PORTHOLE_INTERNAL_URL ?? `http://127.0.0.1:${raw.PORT}`).origin,
      timeoutMs: raw.PORTHOLE_REPLICA_TIMEOUT_SECONDS * 1000,
    },
    trustedProxies: raw.PORTHOLE_TRUSTED_PROXIES,
    session: { maxAgeSeconds: raw.PORTHOLE_SESSION_MAX_HOURS * 3600, idleSeconds: raw.PORTHOLE_SESSION_IDLE_MINUTES * 60 },
    admin: raw.PORTHOLE_ADMIN_EMAIL ? { email: raw.PORTHOLE_ADMIN_EMAIL, password: raw.PORTHOLE_ADMIN_PASSWORD ?? '' } : undefined,
    oidc:
      raw.OIDC_ISSUER && raw.OIDC_CLIENT_ID && raw.OIDC_CLIENT_SECRET
        ? {
            issuer: raw.OIDC_ISSUER,
            clientId: raw.OIDC_CLIENT_ID,
            clientSecret: raw.OIDC_CLIENT_SECRET,
            displayName: raw.OIDC_DISPLAY_NAME,
            scopes: raw.OIDC_SCOPES,
            rolesClaim: raw.OIDC_ROLES_CLAIM,
            roleMap: roleMap as Record<string, 'engineer' | 'approver' | 'auditor' | 'admin'>,
            isEmailTrustedWithoutVerifiedClaim: raw.OIDC_TRUST_EMAIL_WITHOUT_VERIFIED_CLAIM ?? false,
          }
        : undefined,
  };
}

/**
 * Where the server listens. Demo mode's accounts and passwords are printed for anyone to use,
 * so a demo instance stays on loopback unless PORTHOLE_HOST says otherwise.
 */
export function listenHost(config: Pick<Env, 'host'>, isDemo: boolean): string {
  return config.host ?? (isDemo ? '127.0.0.1' : '0.0.0.0');
}

export class EnvError extends Error {}

/** Parses an environment; throws EnvError with one line per bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
    throw new EnvError(`Invalid configuration: ${lines.join('; ')}`);
  }
  return toEnv(result.data);
}

const globalForEnv = globalThis as unknown as { __portholeEnv?: Env };

/** The process's configuration, parsed on first use and shared by server/ and route code. */
export function env(): Env {
  globalForEnv.__portholeEnv ??= parseEnv(process.env);
  return globalForEnv.__portholeEnv;
}
