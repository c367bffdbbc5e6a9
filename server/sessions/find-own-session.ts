import type { Actor } from '../actor/actor';
import { AppError } from '../errors/app-error';
import { getSession } from './get-session';
import type { SessionView } from './session-schemas';

/**
 * The actor's own session, for the pages that open one (terminal, SQL console). Auditors may
 * read anyone's session, but only its owner opens it: anyone else's does not exist here.
 */
export async function findOwnSession(actor: Actor, sessionId: string): Promise<SessionView | undefined> {
  try {
    const session = await getSession({ actor, sessionId });
    return session.userId === actor.id ? session : undefined;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}
