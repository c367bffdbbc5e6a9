import type { Actor } from '../actor/actor';
import { AppError } from '../errors/app-error';
import type { LockedRequestRow } from './find-request';
import { isInApproverGroup, type EffectivePolicy } from './policy';

/**
 * The checks both approve and deny run on a locked request, in the order a person would
 * want to hear them: who you are, then whether the request can still be decided.
 */
export function assertCanDecide(actor: Actor, row: LockedRequestRow, policy: EffectivePolicy, verb: 'approve' | 'deny'): void {
  const { request, resource, isPendingLive } = row;
  const isOwn = request.requesterId === actor.id;
  if (isOwn && verb === 'deny') {
    throw new AppError('FORBIDDEN', { userMessage: 'You cannot deny your own request. Cancel it instead.' });
  }
  if (isOwn && !policy.allowSelfApproval) {
    throw new AppError('FORBIDDEN', { userMessage: 'You cannot approve your own request: another approver has to.' });
  }
  if (!isInApproverGroup(actor, policy)) {
    throw new AppError('FORBIDDEN', { userMessage: `You are not an approver for ${resource.name}.` });
  }
  // A disabled account gets no new access, whoever approves (its grants were revoked when it was disabled).
  if (verb === 'approve' && row.requester.isDisabled) {
    throw new AppError('CONFLICT', { userMessage: `${row.requester.name}'s account is disabled: deny the request instead.` });
  }
  if (request.status !== 'pending') {
    throw new AppError('CONFLICT', { userMessage: `This request is already ${request.status}.` });
  }
  if (!isPendingLive) {
    throw new AppError('CONFLICT', { userMessage: 'This request expired before anyone decided on it.' });
  }
}
