'use server';

import { revalidatePath } from 'next/cache';
import type { DecisionState } from '@/components/access/ApprovalsInbox';
import type { FormState } from '@/components/ui/form-state';
import { approveRequest } from '@/server/access/approve-request';
import { denyRequest } from '@/server/access/deny-request';
import { revokeGrant } from '@/server/access/revoke-grant';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';

function failure(error: unknown): FormState {
  const appError = toAppError(error);
  return { ok: false, message: appError.userMessage, fields: appError.fields };
}

/*
 * The inbox re-renders itself after a decision (router.refresh and the live inbox event), so
 * these answer with the decision alone: no revalidatePath, whose re-render would hold the
 * answer back and leave the pane showing a pending request meanwhile.
 */

export async function approveAction(requestId: string, comment: string): Promise<DecisionState> {
  const actor = await requirePageActor();
  try {
    const result = await approveRequest({ actor, requestId, input: { comment } });
    return {
      ok: true,
      message:
        result.status === 'approved'
          ? 'Approved: access has started.'
          : `Approved (${result.approvalsCount} of ${result.approvalsRequired}): waiting for more approvers.`,
      decision: { status: result.status, approvalsCount: result.approvalsCount },
    };
  } catch (error) {
    return failure(error);
  }
}

export async function denyAction(requestId: string, comment: string): Promise<DecisionState> {
  const actor = await requirePageActor();
  try {
    const result = await denyRequest({ actor, requestId, input: { comment } });
    return { ok: true, message: 'Denied.', decision: { status: result.status } };
  } catch (error) {
    return failure(error);
  }
}

export async function revokeAction(grantId: string): Promise<FormState> {
  const actor = await requirePageActor();
  try {
    await revokeGrant({ actor, grantId });
    revalidatePath('/approvals/grants');
    return { ok: true, message: 'Access revoked.' };
  } catch (error) {
    return failure(error);
  }
}
