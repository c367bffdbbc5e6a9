'use server';

import { z } from 'zod';
import type { DecisionState } from '@/components/access/ApprovalsInbox';
import { approveRequest } from '@/server/access/approve-request';
import { denyRequest } from '@/server/access/deny-request';
import { revokeGrant } from '@/server/access/revoke-grant';
import { actionArg, defineAction } from '@/server/api/define-action';

/*
 * The inbox re-renders itself after a decision (router.refresh and the live inbox event), so
 * these answer with the decision alone: no revalidate, whose re-render would hold the
 * answer back and leave the pane showing a pending request meanwhile.
 */

export const approveAction = defineAction({
  roles: 'signed-in',
  input: z.tuple([actionArg.id, z.string()]),
  run: async ({ actor, input: [requestId, comment] }): Promise<DecisionState> => {
    const result = await approveRequest({ actor, requestId, input: { comment } });
    return {
      ok: true,
      message:
        result.status === 'approved'
          ? 'Approved: access has started.'
          : `Approved (${result.approvalsCount} of ${result.approvalsRequired}): waiting for more approvers.`,
      decision: { status: result.status, approvalsCount: result.approvalsCount },
    };
  },
});

export const denyAction = defineAction({
  roles: 'signed-in',
  input: z.tuple([actionArg.id, z.string()]),
  run: async ({ actor, input: [requestId, comment] }): Promise<DecisionState> => {
    const result = await denyRequest({ actor, requestId, input: { comment } });
    return { ok: true, message: 'Denied.', decision: { status: result.status } };
  },
});

export const revokeAction = defineAction({
  roles: 'signed-in',
  input: z.tuple([actionArg.id, z.string()]),
  run: async ({ actor, input: [grantId, reason] }) => {
    await revokeGrant({ actor, grantId, input: { reason } });
    return { ok: true, message: 'Access revoked.' };
  },
  revalidate: ['/approvals/grants'],
});
