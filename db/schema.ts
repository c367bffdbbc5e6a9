import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const ROLES = ['engineer', 'approver', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

import type { ResourceType } from '../lib/resources/resource-types';

export { RESOURCE_TYPES, type ResourceType } from '../lib/resources/resource-types';

export const ACCESS_MODES = ['open', 'approval'] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

export const RECORDING_MODES = ['on', 'off'] as const;
export type RecordingMode = (typeof RECORDING_MODES)[number];

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** argon2id; null for accounts that only sign in through OIDC. */
    passwordHash: text('password_hash'),
    /** Always contains 'engineer'. */
    roles: text('roles')
      .array()
      .$type<Role[]>()
      .notNull()
      .default(sql`ARRAY['engineer']::text[]`),
    isDisabled: boolean('is_disabled').notNull().default(false),
    oidcSubject: text('oidc_subject'),
    /** Bumped on password change, disable and re-role: older browser sessions stop working. */
    sessionVersion: integer('session_version').notNull().default(1),
    /**
     * When the user last signed out or changed their password: the sessions their browser
     * sign-ins opened before then end too (a role change signs browsers out, but keeps the
     * sessions the new roles allow).
     */
    signInsEndedAt: timestamp('sign_ins_ended_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`), uniqueIndex('users_oidc_subject_key').on(t.oidcSubject)],
);

export type ResourceTls = {
  mode: 'disable' | 'require' | 'verify-full';
  /** PEM CA certificate for verify-full. */
  ca?: string;
};

/** Where a Kubernetes resource's sessions may go: its pods are listed and opened only inside this scope. */
export type KubernetesSettings = {
  /** The API server, e.g. `https://10.0.0.1:6443` (host and port are kept in their columns too). */
  apiUrl: string;
  /** Namespaces the engineer may pick from; empty means every namespace the token may list. */
  namespaces: string[];
  /** A label selector (`app=web,tier!=db`) the pods must match; empty means every pod. */
  labelSelector: string;
};

/** How an HTTP resource's credential is injected: the engineer never sees it. */
export type HttpAuth = { kind: 'bearer' } | { kind: 'basic'; username: string } | { kind: 'header'; name: string } | { kind: 'none' };

export type HttpSettings = {
  /** The upstream base URL, e.g. `https://api.internal:8443/v1` (requests are relative to it). */
  baseUrl: string;
  auth: HttpAuth;
};

/** Settings only some resource types have; the columns common to all (host, port, tls, credentials) stay columns. */
export type ResourceSettings = { kubernetes?: KubernetesSettings; http?: HttpSettings };

/** What a session opened inside its resource, when a resource holds more than one target (a Kubernetes pod's container). */
export type SessionTarget = { namespace: string; pod: string; container: string };

export const resources = pgTable(
  'resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    type: text('type').$type<ResourceType>().notNull(),
    description: text('description').notNull().default(''),
    /** `key=value` or bare labels, e.g. `env=prod`. */
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`ARRAY[]::text[]`),
    host: text('host').notNull(),
    port: integer('port').notNull(),
    username: text('username').notNull(),
    database: text('database'),
    tls: jsonb('tls').$type<ResourceTls>(),
    accessMode: text('access_mode').$type<AccessMode>().notNull().default('open'),
    /** Roles allowed to connect directly when the access mode is `open`. */
    allowedRoles: text('allowed_roles')
      .array()
      .$type<Role[]>()
      .notNull()
      .default(sql`ARRAY['engineer']::text[]`),
    /** AES-256-GCM envelope of the JSON credentials ({ password?, privateKey?, passphrase? }). */
    credentials: text('credentials').notNull(),
    /** Pinned SSH host key (base64 of the wire-format key) and its SHA256 fingerprint. */
    hostKey: text('host_key'),
    hostKeyFingerprint: text('host_key_fingerprint'),
    /** Days its recordings are kept; null follows the installation's default (0 there = forever). */
    retentionDays: integer('retention_days'),
    /** `off` for low-risk resources (a sandbox): its sessions are relayed and masked but not recorded. */
    recording: text('recording').$type<RecordingMode>().notNull().default('on'),
    /**
     * Minutes a session may go without input before it ends (0: never); null follows the
     * installation's PORTHOLE_SESSION_INPUT_IDLE_MINUTES.
     */
    inputIdleMinutes: doublePrecision('input_idle_minutes'),
    /** Type-specific settings (Kubernetes scope, HTTP base URL and auth kind); null for ssh, postgres and mysql. */
    settings: jsonb('settings').$type<ResourceSettings>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('resources_name_key').on(sql`lower(${t.name})`)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** SHA-256 of the token; the token itself is shown once at creation. */
    tokenHash: text('token_hash').notNull(),
    /** First characters, shown in lists so a user can tell tokens apart. */
    prefix: text('prefix').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_events_at_idx').on(t.at), index('audit_events_actor_idx').on(t.actorId)],
);

export const SESSION_STATUSES = ['pending', 'active', 'ended', 'interrupted'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SESSION_END_REASONS = [
  'user_exit',
  /** The browser closed the session's socket: Disconnect, a reload, a closed tab. */
  'disconnected',
  'target_closed',
  'error',
  'terminated',
  'grant_expired',
  'grant_revoked',
  'user_disabled',
  'signed_out',
  'resource_deleted',
  /** No input from the browser for PORTHOLE_SESSION_INPUT_IDLE_MINUTES. */
  'idle_timeout',
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** One terminal (or, later, SQL) session: who, which resource, when, how much, why it ended. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** Null once the resource is deleted; the name and type below keep the history readable. */
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'set null' }),
    resourceName: text('resource_name').notNull(),
    resourceType: text('resource_type').$type<ResourceType>().notNull(),
    status: text('status').$type<SessionStatus>().notNull().default('pending'),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Written by the gateway with the byte counters; a stale one means the gateway died. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    /** Bytes the user sent to the target and the target sent back. */
    bytesIn: bigint('bytes_in', { mode: 'number' }).notNull().default(0),
    bytesOut: bigint('bytes_out', { mode: 'number' }).notNull().default(0),
    endReason: text('end_reason').$type<SessionEndReason>(),
    endMessage: text('end_message'),
    clientIp: text('client_ip'),
    /** The server process relaying the session while it is live (replicas.id). */
    replicaId: uuid('replica_id'),
    /** Opened with a ticket minted through an API token (a script), not from a browser session. */
    isAutomated: boolean('is_automated').notNull().default(false),
    /** The API token that asked for it, if one did: revoking the token ends the session. */
    openedWithTokenId: uuid('opened_with_token_id'),
    /** Opened from a browser: when that sign-in reaches its absolute limit, and the session ends with it. */
    signInEndsAt: timestamp('sign_in_ends_at', { withTimezone: true }),
    /** False when its resource had recording off as it opened: no recording row will ever exist. */
    isRecorded: boolean('is_recorded').notNull().default(true),
    /** The pod and container a Kubernetes session opened; null for other types. */
    target: jsonb('target').$type<SessionTarget>(),
  },
  (t) => [index('sessions_user_idx').on(t.userId, t.createdAt), index('sessions_created_idx').on(t.createdAt), index('sessions_status_idx').on(t.status)],
);

/**
 * Single-use WebSocket tickets. Only the SHA-256 is stored; consumed with one conditional
 * UPDATE so that, with several replicas on one database, a ticket still opens one socket.
 */
export const wsTickets = pgTable(
  'ws_tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** How the minting request was authenticated: API-token tickets may omit `Origin`. */
    via: text('via').$type<'session' | 'token'>().notNull(),
    /** The minting request's credential (see sessions): a watch it opens ends with it. */
    openedWithTokenId: uuid('opened_with_token_id'),
    signInEndsAt: timestamp('sign_in_ends_at', { withTimezone: true }),
    /** Database clock, so replicas with skewed clocks agree on expiry. */
    expiresAt: timestamp('expires_at', { withTimezone: true })
      .notNull()
      .default(sql`now() + interval '30 seconds'`),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ws_tickets_hash_key').on(t.tokenHash), index('ws_tickets_expires_idx').on(t.expiresAt)],
);

/** Instance-wide key/value settings (demo mode flag, one-time setup token hash). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

/**
 * Failed password sign-ins, counted in the database so every replica enforces the same
 * limits. One row per (account, address) pair, plus one per account (address '') and one
 * per address (account ''); the account is the normalized e-mail as typed, known or not.
 * Rows whose window ended are pruned.
 */
export const loginLimits = pgTable(
  'login_limits',
  {
    account: text('account').notNull(),
    address: text('address').notNull(),
    failures: integer('failures').notNull(),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.account, t.address] }), index('login_limits_window_idx').on(t.windowStartedAt)],
);

/**
 * Server processes sharing this database, each with its heartbeat: a replica whose heartbeat
 * stopped is dead, and a survivor closes the sessions it was relaying. `internalUrl` is where
 * the others reach it (a watch of one of its sessions that landed elsewhere).
 */
export const replicas = pgTable('replicas', {
  id: uuid('id').primaryKey(),
  internalUrl: text('internal_url').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
});

export type User = typeof users.$inferSelect;
export type Resource = typeof resources.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type WsTicket = typeof wsTickets.$inferSelect;
