import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AccessCard } from '@/components/access/AccessCard';
import { KubernetesFacts } from '@/components/kubernetes/KubernetesFacts';
import { ResourceTypeIcon, resourceTypeLabel } from '@/components/resources/ResourceTypeIcon';
import { TagList } from '@/components/resources/TagList';
import { NotRecordedNotice } from '@/components/resources/NotRecordedNotice';
import { buttonClass } from '@/components/ui/Button';
import { Card } from '@/components/ui/PageHeader';
import { hasRole } from '@/server/actor/actor';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { findResource } from '@/server/resources/find-resource';
import { toResourceView } from '@/server/resources/resource-view';
import type { ResourceView } from '@/server/resources/resource-schemas';
import { getMyAccess } from '@/server/access/get-my-access';
import { inputIdleLimitMs } from '@/server/sessions/input-idle-limit';
import { countSessions, listSessions } from '@/server/sessions/list-sessions';
import { formatDuration } from '@/lib/format/duration';
import { RecentSessions } from '@/components/resources/RecentSessions';
import { cancelRequestAction, createRequestAction } from '../../requests/actions';

export const metadata: Metadata = { title: 'Resource' };

const RECENT_SESSIONS = 5;

export default async function ResourcePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const row = await findResource(id);
  if (!row) notFound();
  const resource = toResourceView(row);
  // Only the viewer's own sessions, for auditors and admins too: everyone's are on the Sessions page.
  const mine = { resourceId: resource.id, userId: actor.id, limit: RECENT_SESSIONS };
  const [access, recent, recentTotal] = await Promise.all([
    getMyAccess({ actor, resourceId: resource.id }),
    listSessions({ actor, query: mine }),
    countSessions({ actor, query: mine }),
  ]);

  return (
    <div className="max-w-3xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
        <Link href="/resources" className="hover:underline">
          Resources
        </Link>{' '}
        / <span>{resource.name}</span>
      </nav>
      <div className="flex items-start gap-3">
        <ResourceTypeIcon type={resource.type} />
        <div className="min-w-0 flex-1">
          <h1 className="text-xl font-semibold tracking-tight">{resource.name}</h1>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{resource.description || resourceTypeLabel(resource.type)}</p>
        </div>
        {hasRole(actor, 'admin') ? (
          <Link href={`/admin/resources/${resource.id}`} className={buttonClass('secondary')}>
            Edit
          </Link>
        ) : null}
      </div>
      <ResourceFacts resource={resource} idleLimitMs={inputIdleLimitMs(row)} />
      {resource.recording === 'off' ? <NotRecordedNotice variant="card" /> : null}
      <Card>
        <AccessCard
          resource={resource}
          access={access}
          requestAction={createRequestAction.bind(null, resource.id)}
          cancelAction={access.current?.status === 'pending' ? cancelRequestAction.bind(null, access.current.id) : undefined}
        />
      </Card>
      <Card>
        <RecentSessions resourceId={resource.id} sessions={recent} total={recentTotal} />
      </Card>
    </div>
  );
}

/** What the resource is: type, address or cluster, account, access rule, idle limit, recording, tags. */
function ResourceFacts({ resource, idleLimitMs }: { resource: ResourceView; idleLimitMs: number }) {
  return (
    <Card>
      <dl className="grid grid-cols-[7rem_minmax(0,1fr)] gap-x-2 gap-y-2 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
        <dt className="text-zinc-500">Type</dt>
        <dd>{resourceTypeLabel(resource.type)}</dd>
        {resource.type === 'kubernetes' ? (
          <KubernetesFacts settings={resource.kubernetes} />
        ) : (
          <>
            <dt className="text-zinc-500">Address</dt>
            <dd className="font-mono text-xs break-all">
              {resource.host}:{resource.port}
            </dd>
            <dt className="text-zinc-500">Signs in as</dt>
            <dd className="font-mono text-xs">{resource.username}</dd>
          </>
        )}
        {resource.database ? (
          <>
            <dt className="text-zinc-500">Database</dt>
            <dd className="font-mono text-xs">{resource.database}</dd>
          </>
        ) : null}
        {resource.type === 'ssh' ? (
          <>
            <dt className="text-zinc-500">Host key</dt>
            <dd className="font-mono text-xs break-all">{resource.hostKeyFingerprint ?? 'not confirmed yet'}</dd>
          </>
        ) : null}
        <dt className="text-zinc-500">Access</dt>
        <dd>{resource.accessMode === 'open' ? `Open to ${resource.allowedRoles.join(', ')}` : 'Needs an approved request'}</dd>
        {idleLimitMs > 0 ? (
          <>
            <dt className="text-zinc-500">Idle limit</dt>
            <dd>Sessions end after {formatDuration(idleLimitMs / 1000)} without input</dd>
          </>
        ) : null}
        <dt className="text-zinc-500">Recording</dt>
        <dd>{resource.recording === 'off' ? 'Off: sessions are masked and audited, not recorded' : 'Every session is recorded'}</dd>
        <dt className="text-zinc-500">Tags</dt>
        <dd>{resource.tags.length ? <TagList tags={resource.tags} /> : <span className="text-zinc-400">none</span>}</dd>
      </dl>
    </Card>
  );
}
