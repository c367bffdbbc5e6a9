import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { WatchScreen } from '@/components/sessions/WatchScreen';
import { SqlWatchScreen } from '@/components/sql/watch/SqlWatchScreen';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { AppError } from '@/server/errors/app-error';
import { getSession } from '@/server/sessions/get-session';
import { formatSessionTarget } from '@/lib/format/session-target';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Watch session' };

type Props = { params: Promise<{ id: string }> };

/** Auditors and admins watch someone's live terminal or SQL console; to anyone else this page does not exist. */
export default async function WatchSessionPage({ params }: Props) {
  const actor = await requirePageActor('auditor', 'admin');
  const session = await getSession({ actor, sessionId: (await params).id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  // Not you, and a kind with a live view (an HTTP console has none yet: terminate it from the sessions list).
  if (session.userId === actor.id || session.resourceType === 'http') notFound();
  const userName = session.userName || session.userEmail;
  // A pod shell is a terminal like SSH; the other kinds are consoles.
  const isSql = session.resourceType !== 'ssh' && session.resourceType !== 'kubernetes';
  const Screen = isSql ? SqlWatchScreen : WatchScreen;

  return (
    <>
      <PageHeader
        title={`${userName} on ${session.resourceName}`}
        description={
          <>
            {isSql ? 'Live SQL console' : 'Live terminal'}
            {session.target ? <span className="font-mono text-xs"> in {formatSessionTarget(session.target)}</span> : null}, started{' '}
            <RelativeTime iso={session.startedAt ?? session.createdAt} />.{' '}
            <Link href="/sessions" className="text-indigo-600 underline underline-offset-2 dark:text-indigo-400">
              All sessions
            </Link>
          </>
        }
      />
      <Screen sessionId={session.id} userName={userName} recordingHref={`/recordings/${session.id}`} />
    </>
  );
}
