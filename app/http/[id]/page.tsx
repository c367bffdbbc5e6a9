import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SessionKeepAlive } from '@/components/auth/SessionKeepAlive';
import { HttpScreen } from '@/components/http/HttpScreen';
import { endingFromReason, type SessionEnding } from '@/components/terminal/session-ending';
import { isSessionRecorded } from '@/lib/recording/is-session-recorded';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { sessionRefreshSeconds } from '@/server/auth/session-age';
import { env } from '@/server/env';
import { findResource } from '@/server/resources/find-resource';
import { hasResourceAccess } from '@/server/sessions/check-resource-access';
import { findOwnSession } from '@/server/sessions/find-own-session';
import type { SessionView } from '@/server/sessions/session-schemas';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requirePageActor();
  const session = await findOwnSession(actor, (await params).id);
  return { title: session ? `${session.resourceName} · HTTP` : 'HTTP console' };
}

/**
 * Full-bleed HTTP console for one of the actor's HTTP API sessions. As on the SQL console, the
 * socket ticket is not rendered: the client asks for a fresh one. The base URL is shown; the
 * credential never leaves the server.
 */
export default async function HttpConsolePage({ params }: Props) {
  const actor = await requirePageActor();
  const session = await findOwnSession(actor, (await params).id);
  if (!session || session.resourceType !== 'http') notFound();
  const resource = session.resourceId ? await findResource(session.resourceId) : undefined;
  return (
    <>
      <SessionKeepAlive refreshSeconds={sessionRefreshSeconds(env().session)} />
      <HttpScreen
        sessionId={session.id}
        resource={{
          id: resource?.id ?? null,
          name: resource?.name ?? session.resourceName,
          baseUrl: resource?.settings?.http?.baseUrl,
          canConnect: resource ? await hasResourceAccess(actor, resource) : false,
        }}
        initialEnding={endingBeforeConnect(session)}
        isRecorded={isSessionRecorded(session, resource)}
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
        detail: 'It is open in another tab, or this tab was reloaded, which closed it. A session connects once: open a new console to go on.',
      };
    case 'ended':
      return endingFromReason(session.endReason ?? 'error', session.endMessage, null, { kind: 'http' });
    case 'interrupted':
      return endingFromReason('error', session.endMessage ?? 'The session was interrupted.');
  }
}
