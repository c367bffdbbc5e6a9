import { maskWrittenText } from '../masking/rules-store/mask-written-text';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accessRequests } from '@/db/access-schema';
import type { Actor } from '../actor/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { requireResource } from '../resources/find-resource';
import { isUniqueViolation } from '../users/unique-violation';
import { findUserById } from '../users/find-user';
import { enqueueWebhooks } from '../webhooks/enqueue-webhooks';
import { createRequestInput, type CreateRequestInput, type RequestView } from './access-schemas';
import { announce } from './announce';
import { formatMinutes } from '@/lib/format/duration';
import { subjectOf } from './find-request';
import { EXTENSION_WINDOW_MINUTES, isInExtensionWindow, minutesLeft } from './extension-window';
import { getActiveGrant } from './get-active-grant';
import { getEffectivePolicy } from './policy';
import { toRequestViews } from './request-view';

/** A pending request nobody decides on lapses after this long. */
export const PENDING_TTL_HOURS = 24;

/** An engineer asks for time-boxed access to an `approval` resource. */
export async function createRequest({ actor, input }: { actor: Actor; input: CreateRequestInput }): Promise<RequestView> {
  const parsed = createRequestInput.parse(input);
  const data = { ...parsed, ...(await maskWrittenText({ reason: parsed.reason })) };
  const resource = await requireResource(data.resourceId);
  if (resource.accessMode !== 'approval') {
    throw new AppError('BAD_REQUEST', {
      userMessage: `${resource.name} does not take access requests: it is open to ${resource.allowedRoles.join(', ')} directly.`,
    });
  }
  const policy = await getEffectivePolicy(resource.id);
  if (data.durationMinutes > policy.maxDurationMinutes) {
    const limit = formatMinutes(policy.maxDurationMinutes);
    throw new AppError('VALIDATION', {
      userMessage: `${resource.name} allows at most ${limit} per request.`,
      fields: { durationMinutes: [`At most ${limit}`] },
    });
  }
  if (policy.isReasonRequired && data.reason === '') {
    throw new AppError('VALIDATION', { userMessage: 'Say why you need access.', fields: { reason: ['Give a reason'] } });
  }
  const active = await getActiveGrant({ userId: actor.id, resourceId: resource.id });
  if (active) assertUsefulExtension(resource.name, active.expiresAt, data.durationMinutes, policy.maxDurationMinutes);
  const requester = await findUserById(actor.id);
  if (!requester) throw new AppError('UNAUTHORIZED');

  try {
    const { request, queued } = await db().transaction(async (tx) => {
      const [request] = await tx
        .insert(accessRequests)
        .values({
          resourceId: resource.id,
          requesterId: actor.id,
          durationMinutes: data.durationMinutes,
          reason: data.reason,
          ticketUrl: data.ticketUrl ?? null,
          isMoreTime: active !== undefined,
          approvalsRequired: policy.approvalsRequired,
          pendingUntil: sql`now() + make_interval(hours => ${PENDING_TTL_HOURS})`,
        })
        .returning();
      if (!request) throw new Error('insert returned no row');
      await recordAuditEvent(
        {
          actorId: actor.id,
          action: 'request.create',
          targetType: 'access_request',
          targetId: request.id,
          data: {
            resourceId: resource.id,
            resourceName: resource.name,
            durationMinutes: data.durationMinutes,
            reason: data.reason,
            ticketUrl: data.ticketUrl ?? null,
            ...(active ? { isMoreTime: true } : {}),
          },
        },
        tx,
      );
      const queued = await enqueueWebhooks(tx, 'request.created', subjectOf({ request, resource, requester }, requester));
      return { request, queued };
    });
    announce({ requestId: request.id, resourceId: resource.id, requesterId: actor.id, status: 'pending' }, queued);
    const [view] = await toRequestViews([{ request, resource, requester }]);
    if (!view) throw new Error('no view for the new request');
    return view;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', { userMessage: `You already have a pending request for ${resource.name}. Cancel it to ask again.` });
    }
    throw error;
  }
}

/**
 * A request while a grant runs asks for more time: only in the grant's last minutes (earlier it
 * duplicates the access), and for longer than is left (the new grant starts when approved).
 */
function assertUsefulExtension(resourceName: string, expiresAt: Date, durationMinutes: number, maxDurationMinutes: number): void {
  const left = minutesLeft(expiresAt);
  // Asking is useful once less is left than the window, and than the longest grant the policy gives.
  const askFrom = Math.min(EXTENSION_WINDOW_MINUTES, maxDurationMinutes);
  if (!isInExtensionWindow(expiresAt) || left >= maxDurationMinutes) {
    throw new AppError('CONFLICT', {
      userMessage: `You already have access to ${resourceName} until ${expiresAt.toISOString()}. You can ask for more time once less than ${formatMinutes(askFrom)} is left.`,
    });
  }
  if (durationMinutes <= left) {
    throw new AppError('VALIDATION', {
      userMessage: `Your access has ${formatMinutes(left)} left: ask for longer than that.`,
      fields: { durationMinutes: [`More than ${formatMinutes(left)}`] },
    });
  }
}
