import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { WatchScreen } from '@/components/sessions/WatchScreen';
import { HttpWatchScreen } from '@/components/http/watch/HttpWatchScreen';
import { SqlWatchScreen } from '@/components/sql/watch/SqlWatchScreen';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { AppError } from '@/server/errors/app-error';
import { getSession } from '@/server/sessions/get-session';
import { formatSessionTarget } from '@/lib/format/session-target';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Watch session' };

type Props = { params: Promise<{ id: string }> };

function watchView(resourceType: string) {
  if (resourceType === 'ssh' || resourceType === 'kubernetes') return { Screen: WatchScreen, description: 'Live terminal' };
  if (resourceType === 'http') return { Screen: HttpWatchScreen, description: 'Live HTTP console' };
  return { Screen: SqlWatchScreen, description: 'Live SQL console' };
}

/** Auditors and admins watch someone's live terminal, SQL or HTTP console; to anyone else this page does not exist. */
export default async function WatchSessionPage({ params }: Props) {
  const actor = await requirePageActor('auditor', 'admin');
  const session = await getSession({ actor, sessionId: (await params).id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  if (session.userId === actor.id) notFound();
  const userName = session.userName || session.userEmail;
  // A pod shell is a terminal like SSH; an HTTP API has its console; the other kinds are SQL consoles.
  const view = watchView(session.resourceType);

  return (
    <>
      <PageHeader
        title={`${userName} on ${session.resourceName}`}
        description={
          <>
            {view.description}
            {session.target ? <span className="font-mono text-xs"> in {formatSessionTarget(session.target)}</span> : null}, started{' '}
            <RelativeTime iso={session.startedAt ?? session.createdAt} />.{' '}
            <Link href="/sessions" className="text-indigo-600 underline underline-offset-2 dark:text-indigo-400">
              All sessions
            </Link>
          </>
        }
      />
      <view.Screen sessionId={session.id} userName={userName} recordingHref={`/recordings/${session.id}`} />
    </>
  );
}
