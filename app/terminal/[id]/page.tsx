import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { SessionKeepAlive } from '@/components/auth/SessionKeepAlive';
import { endingFromReason, type SessionEnding } from '@/components/terminal/session-ending';
import { TerminalScreen } from '@/components/terminal/TerminalScreen';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { sessionRefreshSeconds } from '@/server/auth/session-age';
import { env } from '@/server/env';
import { findResource } from '@/server/resources/find-resource';
import { isSessionRecorded } from '@/lib/recording/is-session-recorded';
import { formatSessionTarget } from '@/lib/format/session-target';
import { hasResourceAccess } from '@/server/sessions/check-resource-access';
import { findOwnSession } from '@/server/sessions/find-own-session';
import { offeredSnippet } from '@/server/snippets/offered-snippet';
import type { SessionView } from '@/server/sessions/session-schemas';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requirePageActor();
  const session = await findOwnSession(actor, (await params).id);
  if (!session) return { title: 'Terminal' };
  return { title: session.target ? `${session.resourceName} · ${formatSessionTarget(session.target)}` : `${session.resourceName} · Terminal` };
}

/**
 * Full-bleed terminal tab for one of the actor's sessions. The socket ticket is not rendered
 * here: the client asks for a fresh one, so no usable secret ever sits in the HTML.
 */
export default async function TerminalPage({ params, searchParams }: Props) {
  const actor = await requirePageActor();
  const session = await findOwnSession(actor, (await params).id);
  if (!session) notFound();
  const query = await searchParams;
  // Database sessions open the SQL console (with the snippet offered there, if any).
  if (session.resourceType !== 'ssh' && session.resourceType !== 'kubernetes')
    redirect(`/sql/${session.id}${typeof query.snippet === 'string' ? `?snippet=${encodeURIComponent(query.snippet)}` : ''}`);
  const resource = session.resourceId ? await findResource(session.resourceId) : undefined;
  const renderer = query.renderer === 'dom' ? 'dom' : undefined;
  const snippet = await offeredSnippet(actor, query.snippet);

  return (
    <>
      <SessionKeepAlive refreshSeconds={sessionRefreshSeconds(env().session)} />
      <TerminalScreen
        sessionId={session.id}
        resource={{
          id: resource?.id ?? null,
          name: resource?.name ?? session.resourceName,
          // A pod shell names its pod; an SSH terminal its account and host.
          address: session.target
            ? formatSessionTarget(session.target)
            : resource
              ? `${resource.username}@${resource.host}${resource.port === 22 ? '' : `:${resource.port}`}`
              : undefined,
          target: session.target ?? undefined,
          canConnect: resource ? await hasResourceAccess(actor, resource) : false,
        }}
        initialEnding={endingBeforeConnect(session)}
        renderer={renderer}
        // Recorded under the session's id unless its resource has recording off (decided as it connects).
        isRecorded={isSessionRecorded(session, resource)}
        recordingHref={`/recordings/${session.id}`}
        hasStarted={session.startedAt !== null}
        snippet={snippet}
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
      // Open in another tab, or this tab was reloaded and the old socket is still closing.
      return {
        tone: 'ended',
        title: 'This session was already opened',
        detail: 'It is open in another tab, or this tab was reloaded, which ended it. A session connects once: connect again for a new one.',
      };
    case 'ended':
      return endingFromReason(session.endReason ?? 'error', session.endMessage);
    case 'interrupted':
      return endingFromReason('error', session.endMessage ?? 'The session was interrupted.');
  }
}
