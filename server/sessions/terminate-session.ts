import { recordAuditEvent } from '../audit/record-audit-event';
import { canSeeAll, type Actor } from '../actor/actor';
import { AppError } from '../errors/app-error';
import { requireVisibleSession } from './find-session';
import { terminateSessionInput, type TerminateSessionInput, type terminatedSessionView } from './session-schemas';
import type { z } from 'zod';
import { terminateSessions } from '../events/terminate-sessions';
import { maskWrittenText } from '../masking/rules-store/mask-written-text';

/** The line the engineer reads in their terminal, and the recording's and audit log's end message. */
export function terminationMessage(actor: Pick<Actor, 'name' | 'email'>, reason: string): string {
  return `Session terminated by ${actor.name || actor.email}: ${reason}`;
}

/**
 * An auditor or admin ends a live session with a reason. Audited here; the session itself
 * is ended by whichever replica relays it (the `session.terminate` event), which writes the
 * end, with this message, to its row, its recording and the audit log.
 */
export async function terminateSession({
  actor,
  sessionId,
  input,
}: {
  actor: Actor;
  sessionId: string;
  input: TerminateSessionInput;
}): Promise<z.infer<typeof terminatedSessionView>> {
  const { session } = await requireVisibleSession(actor, sessionId);
  if (!canSeeAll(actor)) throw new AppError('FORBIDDEN', { userMessage: 'Only auditors and admins can terminate sessions.' });
  // Written text that is stored, shown to the engineer and on the recording: masked like a note.
  const { reason } = await maskWrittenText(terminateSessionInput.parse(input));
  if (session.status !== 'active') throw new AppError('CONFLICT', { userMessage: 'This session is not live any more.' });
  const message = terminationMessage(actor, reason);
  await recordAuditEvent({
    actorId: actor.id,
    action: 'session.terminate',
    targetType: 'session',
    targetId: session.id,
    data: { reason, userId: session.userId },
  });
  terminateSessions({ sessionId: session.id }, 'terminated', message);
  return { id: session.id, message };
}
