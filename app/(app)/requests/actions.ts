'use server';

import { revalidatePath } from 'next/cache';
import type { FormState } from '@/components/ui/form-state';
import { cancelRequest } from '@/server/access/cancel-request';
import { createRequest } from '@/server/access/create-request';
import { revokeGrant } from '@/server/access/revoke-grant';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';

function failure(error: unknown): FormState {
  const appError = toAppError(error);
  return { ok: false, message: appError.userMessage, fields: appError.fields };
}

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export async function createRequestAction(resourceId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePageActor();
  try {
    await createRequest({
      actor,
      input: { resourceId, durationMinutes: Number(field(form, 'durationMinutes')), reason: field(form, 'reason'), ticketUrl: field(form, 'ticketUrl') },
    });
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/resources/${resourceId}`);
  revalidatePath('/requests');
  return { ok: true, message: 'Request sent. Approvers have been notified.' };
}

export async function cancelRequestAction(requestId: string): Promise<FormState> {
  const actor = await requirePageActor();
  try {
    await cancelRequest({ actor, requestId });
  } catch (error) {
    return failure(error);
  }
  revalidatePath('/requests');
  return { ok: true, message: 'Request cancelled.' };
}

export async function revokeGrantAction(grantId: string): Promise<FormState> {
  const actor = await requirePageActor();
  try {
    await revokeGrant({ actor, grantId });
  } catch (error) {
    return failure(error);
  }
  revalidatePath('/requests');
  revalidatePath('/approvals/grants');
  return { ok: true, message: 'Access ended.' };
}
