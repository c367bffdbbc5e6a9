import { z } from 'zod';
import { ACCESS_MODES, RECORDING_MODES, RESOURCE_TYPES, ROLES } from '@/db/schema';
import { isRefusedLiteral } from '../net/checked-lookup';
import { resourceAddressCheck } from '../net/outbound-checks';
import { hostAndPort, kubernetesFields, kubernetesUpdateFields } from './kubernetes-resource-schemas';
import { httpFields, httpHostAndPort, httpUpdateFields, requireHttpCredential } from './http-resource-schemas';
import { numberField } from '@/lib/number-field';

const name = z
  .string()
  .trim()
  .min(1, 'Enter a name')
  .max(80)
  .regex(/^[\w .:@/-]+$/, 'Use letters, digits, spaces and . _ - : @ /');
const host = z
  .string()
  .trim()
  .min(1, 'Enter a host')
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]_-]+$/, 'Enter a host name or IP address')
  // Private hosts are what resources are for; the cloud metadata service is not (the connectors check resolved names again).
  .refine((value) => {
    const check = resourceAddressCheck();
    return !check || !isRefusedLiteral(value, check);
  }, 'Porthole does not connect to link-local (cloud metadata) addresses');
const port = numberField((n) => n.int('Enter a whole number').min(1, 'Use 1–65535').max(65535, 'Use 1–65535'));
const username = z.string().trim().min(1, 'Enter a user name').max(128);
/**
 * An SSH account is a POSIX user name (useradd's rule): it reaches the host's login and its
 * logs, so `root; rm -rf` is refused here rather than trusted to every SSH server.
 */
export const sshUsername = z
  .string()
  .trim()
  .min(1, 'Enter a user name')
  .max(32, 'A user name has at most 32 characters')
  .regex(/^[a-z_][a-z0-9_-]*[$]?$/, 'Use a POSIX user name: lowercase letters, digits, _ and -, starting with a letter or _');
const tag = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+(=[A-Za-z0-9_.:/-]+)?$/, 'Tags look like env=prod or team-a');
const secret = z.string().max(16_384);
const privateKey = z
  .string()
  .max(16_384)
  .refine((v) => v === '' || /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(v), 'Paste a PEM or OpenSSH private key');

const tags = z
  .array(tag)
  .max(20)
  .transform((list) => [...new Set(list)]);
const allowedRoles = z.array(z.enum(ROLES)).min(1, 'Choose at least one role');
/** Days this resource's recordings are kept; null (an empty field) follows the installation's default, 0 keeps them forever. */
const retentionDays = z
  .union([
    z.literal('').transform(() => null),
    z.null(),
    numberField((n) => n.int('Whole days only').min(0, 'Use 0 to keep recordings forever').max(36_500, 'At most 100 years')),
  ])
  .describe('Days recordings are kept; null follows the default, 0 = forever');

/** What is wrong with a resource's idle limit in minutes, if anything. */
function idleMinutesProblem(minutes: number): string | undefined {
  if (minutes < 0) return 'Use 0 to never end sessions for want of input';
  if (minutes > 1440) return 'At most 1440 minutes (a day)';
  // 0, or long enough for the warning halfway and a reply; in hundredths of a minute, as the environment variable.
  if (minutes !== 0 && minutes < 0.05) return 'Use 0 (never) or at least 0.05 minutes (3 seconds)';
  if (Math.abs(minutes * 100 - Math.round(minutes * 100)) > 1e-6) return 'At most two decimals';
  return undefined;
}

/**
 * Minutes its sessions may go without input before they end (decimals allowed, as in
 * PORTHOLE_SESSION_INPUT_IDLE_MINUTES); null (an empty field) follows that default, 0 never ends them.
 */
const inputIdleMinutes = z
  .union([
    z.literal('').transform(() => null),
    z.null(),
    // One message per value: the first rule it breaks.
    numberField((n) =>
      n.superRefine((minutes, ctx) => {
        const problem = idleMinutesProblem(minutes);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    ),
  ])
  .describe('Minutes without input before a session ends; null follows PORTHOLE_SESSION_INPUT_IDLE_MINUTES, 0 = never');
/** `off` for low-risk resources: sessions are relayed and masked but not recorded. Admins only, like every field here. */
const recording = z.enum(RECORDING_MODES).describe('on (default): sessions are recorded; off: relayed and masked, not recorded');
const tlsSettings = z.object({
  mode: z.enum(['disable', 'require', 'verify-full']).default('disable'),
  ca: z.string().max(16_384).optional(),
});

const common = {
  name,
  description: z.string().trim().max(500).default(''),
  tags: tags.default([]),
  host,
  accessMode: z.enum(ACCESS_MODES).default('open'),
  allowedRoles: allowedRoles.default(['engineer']),
  retentionDays: retentionDays.default(null),
  recording: recording.default('on'),
  inputIdleMinutes: inputIdleMinutes.default(null),
};

const tls = tlsSettings.default({ mode: 'disable' });

export const sshResourceInput = z.object({
  ...common,
  type: z.literal('ssh'),
  port: port.default(22),
  username: sshUsername,
  password: secret.optional(),
  privateKey: privateKey.optional(),
  passphrase: secret.optional(),
});

const databaseFields = {
  ...common,
  username,
  database: z.string().trim().min(1, 'Enter a database name').max(128),
  password: secret.optional(),
  tls,
};

export const postgresResourceInput = z.object({ ...databaseFields, type: z.literal('postgres'), port: port.default(5432) });
export const mysqlResourceInput = z.object({ ...databaseFields, type: z.literal('mysql'), port: port.default(3306) });

/** Host and port come from the API server URL; the token is verified against the cluster before saving (kubernetes-review-access.ts). */
const { host: _host, ...commonWithoutHost } = common;
export const kubernetesResourceInput = z.object({ ...commonWithoutHost, ...kubernetesFields }).transform((data) => ({ ...data, ...hostAndPort(data.apiUrl) }));

/** Host and port come from the base URL; the credential is write-only (hasCredential in the view). */
export const httpResourceInput = z.object({ ...commonWithoutHost, ...httpFields }).transform((data) => ({ ...data, ...httpHostAndPort(data.baseUrl) }));

function requireSshSecret(input: { type: string; password?: string; privateKey?: string }, ctx: z.RefinementCtx) {
  if (input.type === 'ssh' && !input.password && !input.privateKey) {
    ctx.addIssue({ code: 'custom', path: ['password'], message: 'Give a password or a private key' });
  }
}

export const createResourceInput = z
  .discriminatedUnion('type', [sshResourceInput, postgresResourceInput, mysqlResourceInput, kubernetesResourceInput, httpResourceInput])
  .superRefine(requireSshSecret)
  .superRefine(requireHttpCredential);
export type CreateResourceInput = z.input<typeof createResourceInput>;

/**
 * Every field optional; credentials left out (or empty) keep their stored value. No defaults
 * here: zod 4 applies an inner default even under .optional(), which would reset the tags,
 * TLS settings and allowed roles of every resource updated without them.
 */
export const updateResourceInput = z.object({
  name: name.optional(),
  description: z.string().trim().max(500).optional(),
  tags: tags.optional(),
  host: host.optional(),
  port: port.optional(),
  username: username.optional(),
  database: z.string().trim().min(1).max(128).optional(),
  tls: tlsSettings.optional(),
  accessMode: z.enum(ACCESS_MODES).optional(),
  allowedRoles: allowedRoles.optional(),
  retentionDays: retentionDays.optional(),
  recording: recording.optional(),
  inputIdleMinutes: inputIdleMinutes.optional(),
  password: secret.optional(),
  privateKey: privateKey.optional(),
  passphrase: secret.optional(),
  ...kubernetesUpdateFields,
  ...httpUpdateFields,
});
export type UpdateResourceInput = z.input<typeof updateResourceInput>;

/** What any signed-in user may see of a resource: never a credential. */
export const resourceView = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(RESOURCE_TYPES),
  description: z.string(),
  tags: z.array(z.string()),
  host: z.string(),
  port: z.number(),
  username: z.string(),
  database: z.string().nullable(),
  tlsMode: z.enum(['disable', 'require', 'verify-full']).nullable(),
  accessMode: z.enum(ACCESS_MODES),
  allowedRoles: z.array(z.enum(ROLES)),
  retentionDays: z.number().nullable(),
  recording: z.enum(RECORDING_MODES),
  inputIdleMinutes: z.number().nullable(),
  hostKeyFingerprint: z.string().nullable(),
  hasPassword: z.boolean(),
  hasPrivateKey: z.boolean(),
  /** A kubernetes resource's service-account token is stored (never shown). */
  hasToken: z.boolean(),
  /** A kubernetes resource's cluster and scope; null for other types. */
  kubernetes: z.object({ apiUrl: z.string(), namespaces: z.array(z.string()), labelSelector: z.string() }).nullable(),
  /** An http resource's credential is stored (never shown). */
  hasCredential: z.boolean(),
  /** An http resource's base URL and how its credential is injected (never the credential); null for other types. */
  http: z
    .object({
      baseUrl: z.string(),
      auth: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('bearer') }),
        z.object({ kind: z.literal('basic'), username: z.string() }),
        z.object({ kind: z.literal('header'), name: z.string() }),
        z.object({ kind: z.literal('none') }),
      ]),
    })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ResourceView = z.infer<typeof resourceView>;

export const resourceListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  type: z.enum(RESOURCE_TYPES).optional(),
  tag: z.string().trim().max(64).optional(),
});
