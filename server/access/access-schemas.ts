import { z } from 'zod';
import { DECISIONS, GRANT_STATUSES, REQUEST_STATUSES } from '@/db/access-schema';
import { RESOURCE_TYPES, ROLES, SESSION_STATUSES } from '@/db/schema';
import { numberField } from '@/lib/number-field';
import { optionalFilter } from '@/lib/optional-filter';

/** Longest grant any policy may allow: one week. */
export const MAX_DURATION_MINUTES = 7 * 24 * 60;

const optionalUrl = z
  .string()
  .trim()
  .max(500)
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.url({ protocol: /^https?$/, error: 'Enter an http(s) link' }).optional());

export const createRequestInput = z.object({
  resourceId: z.uuid('Choose a resource'),
  durationMinutes: numberField((n) => n.int('Enter whole minutes').min(1, 'At least 1 minute').max(MAX_DURATION_MINUTES)),
  reason: z.string().trim().max(1000, 'Keep the reason under 1000 characters').default(''),
  ticketUrl: optionalUrl,
});
export type CreateRequestInput = z.input<typeof createRequestInput>;

export const decisionInput = z.object({ comment: z.string().trim().max(1000, 'Keep the comment under 1000 characters').default('') });
export type DecisionInput = z.input<typeof decisionInput>;

/** A revoke's reason, as the engineer reads it where their session ends. */
export const MAX_REVOKE_REASON = 1000;
export const revokeGrantInput = z.object({ reason: z.string().trim().max(MAX_REVOKE_REASON).default('') });
export type RevokeGrantInput = z.input<typeof revokeGrantInput>;

export const requestListQuery = z.object({
  /** mine: my requests; inbox: pending ones awaiting my decision; all: everyone's (admins, auditors). */
  scope: z.enum(['mine', 'inbox', 'all']).default('mine'),
  status: optionalFilter(z.enum(REQUEST_STATUSES)),
  resourceId: optionalFilter(z.uuid()),
  limit: numberField((n) => n.int().min(1).max(200)).default(100),
  /** 1-based, for `mine` and `all` (the inbox is every pending request): page 2 holds the `limit` after the newest. */
  page: numberField((n) => n.int().min(1).max(100_000)).default(1),
});

export const grantListQuery = z.object({
  status: z.enum(GRANT_STATUSES).optional(),
  resourceId: z.uuid().optional(),
  limit: numberField((n) => n.int().min(1).max(200)).default(100),
  /** 1-based: page 2 holds the `limit` grants after the newest `limit`. */
  page: numberField((n) => n.int().min(1).max(100_000)).default(1),
});

export const policyInput = z
  .object({
    approverRoles: z.array(z.enum(ROLES)).max(ROLES.length).default(['approver']),
    approverUserIds: z.array(z.uuid()).max(50).default([]),
    approvalsRequired: numberField((n) => n.int().min(1, 'Between 1 and 3').max(3, 'Between 1 and 3')).default(1),
    maxDurationMinutes: numberField((n) => n.int('Enter whole minutes').min(1).max(MAX_DURATION_MINUTES, 'At most one week')).default(240),
    isReasonRequired: z.boolean().default(true),
    allowSelfApproval: z.boolean().default(false),
  })
  .superRefine((policy, ctx) => {
    if (policy.approverRoles.length === 0 && policy.approverUserIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['approverRoles'], message: 'Choose an approver role or named approvers' });
    }
  });
export type PolicyInput = z.input<typeof policyInput>;

const person = z.object({ id: z.uuid(), name: z.string(), email: z.string() });

export const policyView = z.object({
  resourceId: z.uuid(),
  approverRoles: z.array(z.enum(ROLES)),
  approverUsers: z.array(person),
  approvalsRequired: z.number(),
  maxDurationMinutes: z.number(),
  isReasonRequired: z.boolean(),
  allowSelfApproval: z.boolean(),
  /** False when the resource still uses the defaults. */
  isCustom: z.boolean(),
});
export type PolicyView = z.infer<typeof policyView>;

export const grantView = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  resourceId: z.uuid(),
  resourceName: z.string(),
  userId: z.uuid(),
  userName: z.string(),
  userEmail: z.string(),
  status: z.enum(GRANT_STATUSES),
  /** Active and not past its end (the expiry job may not have run yet). */
  isActive: z.boolean(),
  startsAt: z.string(),
  expiresAt: z.string(),
  endedAt: z.string().nullable(),
  revokedBy: z.uuid().nullable(),
  /** Who revoked it (null when nobody did, or their account is gone). */
  revokedByName: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type GrantView = z.infer<typeof grantView>;

export const approveResultView = z.object({
  requestId: z.uuid(),
  status: z.enum(['pending', 'approved']),
  approvalsCount: z.number(),
  approvalsRequired: z.number(),
  grantId: z.uuid().optional(),
});

export const requestStatusView = z.object({ requestId: z.uuid(), status: z.enum(REQUEST_STATUSES) });
export const grantStatusView = z.object({ grantId: z.uuid(), status: z.enum(GRANT_STATUSES) });

export const decisionView = z.object({
  approverId: z.uuid(),
  approverName: z.string(),
  decision: z.enum(DECISIONS),
  comment: z.string(),
  createdAt: z.string(),
});
export type DecisionView = z.infer<typeof decisionView>;

export const requestView = z.object({
  id: z.uuid(),
  /** isRecorded false: the resource has recording off, so the approver knows nothing will be kept to replay. */
  resource: z.object({ id: z.uuid(), name: z.string(), type: z.enum(RESOURCE_TYPES), isRecorded: z.boolean() }),
  requester: person,
  durationMinutes: z.number(),
  reason: z.string(),
  ticketUrl: z.string().nullable(),
  /** Made while the requester's grant on the resource ran: it asks for more time. */
  isMoreTime: z.boolean(),
  status: z.enum(REQUEST_STATUSES),
  approvalsRequired: z.number(),
  approvalsCount: z.number(),
  decisions: z.array(decisionView),
  createdAt: z.string(),
  pendingUntil: z.string(),
  decidedAt: z.string().nullable(),
  grant: grantView.nullable(),
});
export type RequestView = z.infer<typeof requestView>;

export const recentSessionView = z.object({
  id: z.uuid(),
  status: z.enum(SESSION_STATUSES),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});

/** What an approver sees: the request, the policy, what they may do, and recent history. */
export const requestDetailView = requestView.extend({
  policy: policyView,
  canDecide: z.boolean(),
  canCancel: z.boolean(),
  canRevoke: z.boolean(),
  recentSessions: z.array(recentSessionView),
  /** The requester has access now through another grant (this request asks for more time): when it ends. */
  requesterAccessUntil: z.string().nullable(),
});
export type RequestDetailView = z.infer<typeof requestDetailView>;
