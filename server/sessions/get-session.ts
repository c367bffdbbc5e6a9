import type { Actor } from '../actor/actor';
import { requireVisibleSession } from './find-session';
import type { SessionView } from './session-schemas';
import { toSessionView } from './session-view';

export async function getSession({ actor, sessionId }: { actor: Actor; sessionId: string }): Promise<SessionView> {
  const { session, user } = await requireVisibleSession(actor, sessionId);
  return toSessionView(session, user);
}
