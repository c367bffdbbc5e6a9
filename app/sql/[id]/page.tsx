import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SessionKeepAlive } from '@/components/auth/SessionKeepAlive';
import { SqlScreen } from '@/components/sql/SqlScreen';
import { endingFromReason, type SessionEnding } from '@/components/terminal/session-ending';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { sessionRefreshSeconds } from '@/server/auth/session-age';
import { env } from '@/server/env';
import { findResource } from '@/server/resources/find-resource';
import { isSessionRecorded } from '@/lib/recording/is-session-recorded';
import { hasResourceAccess } from '@/server/sessions/check-resource-access';
import { findOwnSession } from '@/server/sessions/find-own-session';
import { offeredSnippet } from '@/server/snippets/offered-snippet';
import type { SessionView } from '@/server/sessions/session-schemas';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams?: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requirePageActor();
  const session = await findOwnSession(actor, (await params).id);
  return { title: session ? `${session.resourceName} · SQL` : 'SQL console' };
}

/**
 * Full-bleed SQL console for one of the actor's database sessions. The socket ticket is not
 * rendered here: the client asks for a fresh one, so no usable secret sits in the HTML.
 */
export default async function SqlConsolePage({ params, searchParams }: Props) {
  const actor = await requirePageActor();
  const session = await findOwnSession(actor, (await params).id);
  if (!session || (session.resourceType !== 'postgres' && session.resourceType !== 'mysql')) notFound();
  const resource = session.resourceId ? await findResource(session.resourceId) : undefined;
  return (
    <>
      <SessionKeepAlive refreshSeconds={sessionRefreshSeconds(env().session)} />
      <SqlScreen
        sessionId={session.id}
        resource={{
          id: resource?.id ?? null,
          name: resource?.name ?? session.resourceName,
          address: resource ? `${resource.username}@${resource.host}:${resource.port}${resource.database ? `/${resource.database}` : ''}` : undefined,
          dialect: session.resourceType,
          canConnect: resource ? await hasResourceAccess(actor, resource) : false,
        }}
        initialEnding={endingBeforeConnect(session)}
        isRecorded={isSessionRecorded(session, resource)}
        snippet={await offeredSnippet(actor, (await searchParams)?.snippet)}
        draftKey={resource ? `${actor.id}:${resource.id}` : undefined}
      />
    </>
  );
}

/** A session opens one socket in its life: only a pending one connects from this page. */
function endingBeforeConnect(session: SessionView): SessionEnding | undefined {
  switch (session.status) {
    case 'pending':
      return undefined;
    case 'active':
      return {
        tone: 'ended',
        title: 'This console was already opened',
        detail:
          'It is open in another tab, or this tab was reloaded, which closed it. A session connects once: open a new console to go on (the editor keeps your text in this tab).',
      };
    case 'ended':
      return endingFromReason(session.endReason ?? 'error', session.endMessage, null, { kind: 'sql' });
    case 'interrupted':
      return endingFromReason('error', session.endMessage ?? 'The session was interrupted.');
  }
}
