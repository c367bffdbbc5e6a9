import { z } from 'zod';
import { RECORDING_STATUSES } from '@/db/recording-schema';
import { RESOURCE_TYPES, SESSION_END_REASONS, SESSION_STATUSES, type SessionEndReason as DbEndReason } from '@/db/schema';
import type { SessionEndReason as WireEndReason } from '@/lib/protocol/terminal-protocol';
import { namespaceName, podName } from '../resources/kubernetes-resource-schemas';
import { numberField } from '@/lib/number-field';
import { optionalFilter } from '@/lib/optional-filter';

// The wire protocol and the schema each list the end reasons (the browser cannot import db/);
// this line stops the build if the two lists drift apart.
const sameEndReasons: [DbEndReason, WireEndReason] extends [WireEndReason, DbEndReason] ? true : never = true;
void sameEndReasons;

/** The pod and container a Kubernetes session opens (required there, refused on other resources). */
export const sessionTargetInput = z.object({ namespace: namespaceName, pod: podName, container: podName });

export const createSessionInput = z.object({ resourceId: z.uuid('Choose a resource'), target: sessionTargetInput.optional() });
export type CreateSessionInput = z.input<typeof createSessionInput>;

export const sessionListQuery = z.object({
  status: optionalFilter(z.enum(SESSION_STATUSES)),
  resourceId: optionalFilter(z.uuid()),
  /** Admins and auditors only; others always see their own sessions. */
  userId: optionalFilter(z.uuid()),
  limit: numberField((n) => n.int().min(1).max(200)).default(50),
  /** 1-based: page 2 holds the `limit` sessions after the newest `limit`. */
  page: numberField((n) => n.int().min(1).max(100_000)).default(1),
});

export const sessionView = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userEmail: z.string(),
  userName: z.string(),
  resourceId: z.uuid().nullable(),
  resourceName: z.string(),
  resourceType: z.enum(RESOURCE_TYPES),
  status: z.enum(SESSION_STATUSES),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  bytesIn: z.number(),
  bytesOut: z.number(),
  endReason: z.enum(SESSION_END_REASONS).nullable(),
  endMessage: z.string().nullable(),
  clientIp: z.string().nullable(),
  /** Opened by a script (a ticket minted through an API token). */
  isAutomated: z.boolean(),
  /** False on a resource with recording off: there is no replay. */
  isRecorded: z.boolean(),
  /** The recording's state; null when there is none (never connected, recording off, or purged by retention). */
  recordingStatus: z.enum(RECORDING_STATUSES).nullable(),
  /** The pod a Kubernetes session opened; null for the other kinds. */
  target: z.object({ namespace: z.string(), pod: z.string(), container: z.string() }).nullable(),
});
export type SessionView = z.infer<typeof sessionView>;

/** What the browser (or a script) needs to open the terminal: the socket URL carries a ticket. */
export const sessionTicketView = z.object({
  id: z.uuid(),
  wsUrl: z.string(),
  /** Seconds the ticket in wsUrl stays valid. */
  expiresIn: z.number(),
});
export type SessionTicketView = z.infer<typeof sessionTicketView>;

export const MAX_TERMINATE_REASON = 500;

/** An auditor's or admin's terminate: the engineer reads the reason in their terminal. */
export const terminateSessionInput = z.object({
  reason: z
    .string({ error: 'Say why the session is terminated' })
    .trim()
    .min(1, 'Say why the session is terminated')
    .max(MAX_TERMINATE_REASON, `Keep the reason to ${MAX_TERMINATE_REASON} characters`),
});
export type TerminateSessionInput = z.input<typeof terminateSessionInput>;

export const terminatedSessionView = z.object({ id: z.uuid(), message: z.string() });
