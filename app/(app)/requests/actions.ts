'use server';

import { z } from 'zod';
import { formText } from '@/lib/form-data';
import { cancelRequest } from '@/server/access/cancel-request';
import { createRequest } from '@/server/access/create-request';
import { revokeGrant } from '@/server/access/revoke-grant';
import { actionArg, defineAction } from '@/server/api/define-action';

export const createRequestAction = defineAction({
  roles: 'signed-in',
  input: z.tuple([actionArg.id, actionArg.previous, actionArg.form]),
  run: async ({ actor, input: [resourceId, , form] }) => {
    await createRequest({
      actor,
      input: {
        resourceId,
        durationMinutes: Number(formText(form, 'durationMinutes')),
        reason: formText(form, 'reason'),
        ticketUrl: formText(form, 'ticketUrl'),
      },
    });
    return { ok: true, message: 'Request sent. Approvers have been notified.' };
  },
  revalidate: ([resourceId]) => [`/resources/${resourceId}`, '/requests'],
});

export const cancelRequestAction = defineAction({
  roles: 'signed-in',
  input: z.tuple([actionArg.id]),
  run: async ({ actor, input: [requestId] }) => {
    await cancelRequest({ actor, requestId });
    return { ok: true, message: 'Request cancelled.' };
  },
  revalidate: ['/requests'],
});

export const revokeGrantAction = defineAction({
  roles: 'signed-in',
  input: z.tuple([actionArg.id]),
  run: async ({ actor, input: [grantId] }) => {
    await revokeGrant({ actor, grantId });
    return { ok: true, message: 'Access ended.' };
  },
  revalidate: ['/requests', '/approvals/grants'],
});
