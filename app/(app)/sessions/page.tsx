import type { Metadata } from 'next';
import Link from 'next/link';
import { LiveRefresh } from '@/components/access/LiveRefresh';
import { DataTable, rowClass, Td, Th } from '@/components/ui/DataTable';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { SessionRecordingCell } from '@/components/sessions/SessionRecordingCell';
import { TerminateSessionButton } from '@/components/sessions/TerminateSessionButton';
import { SessionState, sessionDuration, sessionEndedBecause } from '@/components/sessions/session-cells';
import { buttonClass } from '@/components/ui/Button';
import { Badge, EmptyState, PageHeader } from '@/components/ui/PageHeader';
import { formatBytes } from '@/lib/format/bytes';
import { formatSessionTarget } from '@/lib/format/session-target';
import { canSeeAll, type Actor } from '@/server/actor/actor';
import { toAppError } from '@/server/errors/to-app-error';
import { listResources } from '@/server/resources/list-resources';
import type { SessionStatus } from '@/db/schema';
import { ListFilters, listPath, ResourceFilter, StateFilter, WhoseFilter } from '@/components/ui/ListFilters';
import { PagedList } from '@/components/ui/PagedList';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { countSessions, listSessions } from '@/server/sessions/list-sessions';
import type { SessionView } from '@/server/sessions/session-schemas';

export const metadata: Metadata = { title: 'Sessions' };

const PAGE_SIZE = 50;
const SESSION_STATES = { pending: 'Not opened', active: 'Live', ended: 'Ended', interrupted: 'Interrupted' };
type Search = { scope?: string; resourceId?: string; status?: string; page?: string };

export default async function SessionsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor();
  const search = await searchParams;
  const isEveryone = canSeeAll(actor);
  const query = {
    status: search.status as SessionStatus | undefined,
    resourceId: search.resourceId,
    userId: isEveryone && search.scope === 'mine' ? actor.id : undefined,
    limit: PAGE_SIZE,
    page: search.page,
  };
  const [result, resources] = await Promise.all([
    Promise.all([listSessions({ actor, query }), countSessions({ actor, query })]).catch((error: unknown) => toAppError(error)),
    listResources({ actor }),
  ]);
  const isFiltered = Boolean(search.resourceId || search.status || (isEveryone && search.scope === 'mine'));
  const showsEveryone = isEveryone && search.scope !== 'mine';

  return (
    <>
      <PageHeader
        title="Sessions"
        description={showsEveryone ? 'Terminals and SQL consoles of every user, newest first.' : 'Your terminals and SQL consoles, newest first.'}
      />
      {/* Sessions opening and ending arrive on the live-updates stream: no polling. */}
      <LiveRefresh on="sessions" />
      <ListFilters label="Filter sessions" clearHref="/sessions" isFiltered={isFiltered}>
        {isEveryone ? <WhoseFilter value={search.scope} /> : null}
        <ResourceFilter value={search.resourceId} resources={resources} />
        <StateFilter value={search.status} states={SESSION_STATES} />
      </ListFilters>
      <PagedList
        result={result}
        page={search.page}
        pageSize={PAGE_SIZE}
        basePath={listPath('/sessions', search)}
        noun={{ one: 'session', other: 'sessions' }}
        empty={<NoSessions isFiltered={isFiltered} />}
      >
        {(sessions) => <SessionTable sessions={sessions} actor={actor} showsEveryone={showsEveryone} />}
      </PagedList>
    </>
  );
}

function NoSessions({ isFiltered }: { isFiltered: boolean }) {
  if (isFiltered) return <EmptyState title="No sessions match these filters">Try other filters, or clear them.</EmptyState>;
  return (
    <EmptyState title="No sessions yet">
      Open a resource from the{' '}
      <Link href="/resources" className="text-indigo-600 underline dark:text-indigo-400">
        catalogue
      </Link>{' '}
      and choose Connect to start one.
    </EmptyState>
  );
}

/** One page of sessions; auditors and admins listing everyone's see whose each is, and watch or end live ones. */
function SessionTable({ sessions, actor, showsEveryone }: { sessions: SessionView[]; actor: Actor; showsEveryone: boolean }) {
  return (
    <DataTable
      label="Sessions"
      head={
        <>
          <Th>Resource</Th>
          {showsEveryone ? <Th>User</Th> : null}
          <Th>State</Th>
          <Th>Started</Th>
          <Th>Duration</Th>
          <Th className="text-right">Output</Th>
          <Th>Ended because</Th>
          <Th>Recording</Th>
          {showsEveryone ? <Th className="text-right">Live actions</Th> : null}
        </>
      }
    >
      {sessions.map((session) => (
        <tr key={session.id} className={rowClass}>
          <Td className="font-medium">
            <ResourceCell session={session} />
          </Td>
          {showsEveryone ? <Td className="text-zinc-600 dark:text-zinc-300">{session.userEmail}</Td> : null}
          <Td>
            <SessionState session={session} isMine={session.userId === actor.id} />
          </Td>
          <Td>
            <RelativeTime iso={session.startedAt ?? session.createdAt} />
          </Td>
          <Td className="font-mono text-xs tabular-nums">{sessionDuration(session)}</Td>
          <Td className="text-right font-mono text-xs tabular-nums">{formatBytes(session.bytesOut)}</Td>
          <Td className="max-w-xs truncate text-zinc-600 dark:text-zinc-300" title={session.endMessage ?? undefined}>
            {sessionEndedBecause(session, session.userId === actor.id)}
          </Td>
          <Td>
            <SessionRecordingCell session={session} />
          </Td>
          {showsEveryone ? (
            <Td className="text-right">
              <LiveActions session={session} isMine={session.userId === actor.id} />
            </Td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}

/** The resource, and a badge when a script (an API token) opened the session. */
function ResourceCell({ session }: { session: SessionView }) {
  return (
    <>
      {session.resourceId ? (
        <Link href={`/resources/${session.resourceId}`} className="hover:underline">
          {session.resourceName}
        </Link>
      ) : (
        session.resourceName
      )}
      {session.target ? (
        <span className="block font-mono text-xs font-normal text-zinc-500 dark:text-zinc-400">{formatSessionTarget(session.target)}</span>
      ) : null}
      {session.isAutomated ? (
        <span className="ml-2" title="Opened with an API token (a script)">
          <Badge tone="indigo">Automated</Badge>
        </span>
      ) : null}
    </>
  );
}

/** Auditors and admins watch and terminate someone else's live session (terminal, SQL or HTTP console). */
function LiveActions({ session, isMine }: { session: SessionView; isMine: boolean }) {
  if (session.status !== 'active' || isMine) return null;
  const who = session.userName || session.userEmail;
  return (
    <span className="inline-flex items-center gap-2">
      <Link
        href={`/sessions/${session.id}/watch`}
        className={buttonClass('secondary', 'px-2 py-1 text-xs')}
        aria-label={`Watch ${who} on ${session.resourceName}`}
      >
        Watch
      </Link>
      <TerminateSessionButton sessionId={session.id} userName={who} size="small" />
    </span>
  );
}
