import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { resources, users, type Role } from './schema';

/**
 * Just-in-time access: per-resource approval policies, requests, approver decisions, grants,
 * and the outgoing webhooks that announce them.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A resource in `approval` mode without a row here uses DEFAULT_POLICY (server/access/policy.ts). */
export const accessPolicies = pgTable(
  'access_policies',
  {
    resourceId: uuid('resource_id')
      .primaryKey()
      .references(() => resources.id, { onDelete: 'cascade' }),
    /** Anyone holding one of these roles may decide… */
    approverRoles: text('approver_roles')
      .array()
      .$type<Role[]>()
      .notNull()
      .default(sql`ARRAY['approver']::text[]`),
    /** …and so may these users, whatever their roles. */
    approverUserIds: uuid('approver_user_ids')
      .array()
      .notNull()
      .default(sql`ARRAY[]::uuid[]`),
    approvalsRequired: integer('approvals_required').notNull().default(1),
    maxDurationMinutes: integer('max_duration_minutes').notNull().default(240),
    isReasonRequired: boolean('is_reason_required').notNull().default(true),
    /** Whether an approver's approval of their own request counts. */
    allowSelfApproval: boolean('allow_self_approval').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('access_policies_approvals_required_range', sql`${t.approvalsRequired} between 1 and 3`),
    check('access_policies_max_duration_range', sql`${t.maxDurationMinutes} between 1 and 10080`),
  ],
);

export const REQUEST_STATUSES = ['pending', 'approved', 'denied', 'cancelled', 'expired', 'revoked'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const accessRequests = pgTable(
  'access_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    durationMinutes: integer('duration_minutes').notNull(),
    reason: text('reason').notNull().default(''),
    ticketUrl: text('ticket_url'),
    /** Made while a grant on the resource ran (see extension-window.ts): it asks for more time. */
    isMoreTime: boolean('is_more_time').notNull().default(false),
    /** pending → approved | denied | cancelled | expired; approved → expired | revoked (with its grant). */
    status: text('status').$type<RequestStatus>().notNull().default('pending'),
    /** Snapshot of the policy's threshold when the request was made. */
    approvalsRequired: integer('approvals_required').notNull(),
    createdAt: createdAt(),
    /** A pending request nobody decides on lapses at this time. */
    pendingUntil: timestamp('pending_until', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('access_requests_requester_idx').on(t.requesterId, t.createdAt),
    index('access_requests_status_idx').on(t.status, t.createdAt),
    // One open request per person and resource.
    uniqueIndex('access_requests_one_pending_key')
      .on(t.requesterId, t.resourceId)
      .where(sql`${t.status} = 'pending'`),
    check('access_requests_duration_positive', sql`${t.durationMinutes} > 0`),
  ],
);

export const DECISIONS = ['approve', 'deny'] as const;
export type Decision = (typeof DECISIONS)[number];

/** One decision per approver and request: the unique key turns "approving twice" into a conflict. */
export const approvals = pgTable(
  'approvals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => accessRequests.id, { onDelete: 'cascade' }),
    approverId: uuid('approver_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    decision: text('decision').$type<Decision>().notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('approvals_request_approver_key').on(t.requestId, t.approverId)],
);

export const GRANT_STATUSES = ['active', 'expired', 'revoked'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

/** The unique request id is the database's guarantee of one grant per request. */
export const grants = pgTable(
  'grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => accessRequests.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').$type<GrantStatus>().notNull().default('active'),
    /** Database clock, so replicas with skewed clocks agree on expiry. */
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    uniqueIndex('grants_request_key').on(t.requestId),
    index('grants_user_resource_idx').on(t.userId, t.resourceId, t.status),
    index('grants_active_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} = 'active'`),
  ],
);

/** `expired` covers a pending request that lapsed and a grant that ran out. */
export const WEBHOOK_EVENTS = ['request.created', 'request.approved', 'request.denied', 'request.cancelled', 'request.revoked', 'request.expired'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const webhooks = pgTable('webhooks', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  /** AES-256-GCM envelope of the HMAC signing secret (it must be readable to sign). */
  secret: text('secret').notNull(),
  events: text('events').array().$type<WebhookEvent[]>().notNull(),
  isEnabled: boolean('is_enabled').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** An outbox: rows are written in the same transaction as the change they announce. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    /** A subscribable event, or `webhook.test` for an admin's test message. */
    event: text('event').$type<WebhookEvent | 'webhook.test'>().notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_webhook_idx').on(t.webhookId, t.createdAt),
  ],
);

export type AccessPolicy = typeof accessPolicies.$inferSelect;
export type AccessRequest = typeof accessRequests.$inferSelect;
export type Approval = typeof approvals.$inferSelect;
export type Grant = typeof grants.$inferSelect;
export type Webhook = typeof webhooks.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
