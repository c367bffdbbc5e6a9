import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import type { Actor } from '../actor/actor';
import { requireVisibleSession } from './find-session';
import type { SessionView } from './session-schemas';
import { toSessionView } from './session-view';

export async function getSession({ actor, sessionId }: { actor: Actor; sessionId: string }): Promise<SessionView> {
  const { session, user } = await requireVisibleSession(actor, sessionId);
  const [recording] = await db().select({ status: recordings.status }).from(recordings).where(eq(recordings.id, session.id));
  return toSessionView(session, user, recording?.status ?? null);
}
