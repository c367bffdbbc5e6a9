import type { Metadata } from 'next';
import Link from 'next/link';
import { CatalogueAccessState } from '@/components/access/CatalogueAccessState';
import { LiveRefresh } from '@/components/access/LiveRefresh';
import { CatalogueFilters } from '@/components/resources/CatalogueFilters';
import { ResourceTypeIcon, resourceTypeLabel } from '@/components/resources/ResourceTypeIcon';
import { TagList } from '@/components/resources/TagList';
import { NotRecordedBadge } from '@/components/resources/NotRecordedNotice';
import { Alert } from '@/components/ui/Alert';
import { buttonClass } from '@/components/ui/Button';
import { EmptyState, PageHeader } from '@/components/ui/PageHeader';
import { Pagination, pageOf } from '@/components/ui/Pagination';
import { listPath } from '@/components/ui/ListFilters';
import { hasRole } from '@/server/actor/actor';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { listResources } from '@/server/resources/list-resources';
import { listMyAccessStates } from '@/server/access/list-my-access-states';
import { resourceListQuery } from '@/server/resources/resource-schemas';

export const metadata: Metadata = { title: 'Resources' };

export default async function ResourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const search = await searchParams;
  const parsed = resourceListQuery.safeParse(search);
  const query = parsed.success ? parsed.data : {};
  const [resources, all, accessStates] = await Promise.all([listResources({ actor, query }), listResources({ actor }), listMyAccessStates({ actor })]);
  const tags = [...new Set(all.flatMap((r) => r.tags))].sort();
  const isAdmin = hasRole(actor, 'admin');
  const isFiltered = Boolean(query.q || query.type || query.tag);
  const { rows, page, pageCount, total } = pageOf(resources, search.page);

  return (
    <>
      {/* The cards' access states follow my requests and grants as they change. */}
      <LiveRefresh on="requests" />
      <PageHeader
        title="Resources"
        description="Hosts and databases you can reach through Porthole."
        actions={
          isAdmin ? (
            <Link href="/admin/resources/new" className={buttonClass('primary')}>
              Add resource
            </Link>
          ) : null
        }
      />
      {!parsed.success ? <Alert tone="error">Some filters were not valid and were ignored.</Alert> : null}
      {all.length > 0 ? <CatalogueFilters tags={tags} /> : null}
      {resources.length === 0 ? (
        <NoResources isEmpty={all.length === 0} isAdmin={isAdmin} isFiltered={isFiltered} />
      ) : (
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3" aria-label="Resource catalogue">
          {rows.map((resource) => (
            <li key={resource.id}>
              <Link
                href={`/resources/${resource.id}`}
                className="flex h-full flex-col gap-2 rounded-lg border border-zinc-200 bg-white p-4 hover:border-indigo-400 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-indigo-500"
              >
                <div className="flex items-start gap-3">
                  <ResourceTypeIcon type={resource.type} />
                  <div className="min-w-0">
                    <h2 className="truncate font-medium">{resource.name}</h2>
                    <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">
                      {resourceTypeLabel(resource.type)} · {resource.username ? `${resource.username}@` : ''}
                      {resource.host}:{resource.port}
                      {resource.database ? `/${resource.database}` : ''}
                    </p>
                  </div>
                  <CatalogueAccessState
                    accessMode={resource.accessMode}
                    canUseOpen={resource.allowedRoles.some((role) => hasRole(actor, role))}
                    state={accessStates.get(resource.id)}
                    connectLabel={resource.type === 'ssh' ? 'Connect' : resource.type === 'kubernetes' ? 'Open shell' : 'Open console'}
                  />
                </div>
                {resource.description ? <p className="line-clamp-2 text-sm text-zinc-600 dark:text-zinc-300">{resource.description}</p> : null}
                <TagList tags={resource.tags} />
                {resource.recording === 'off' ? <NotRecordedBadge /> : null}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination basePath={listPath('/resources', { q: query.q, type: query.type, tag: query.tag })} page={page} pageCount={pageCount} total={total} />
    </>
  );
}

/** No resource at all (who adds them), or none matching the filters. */
function NoResources({ isEmpty, isAdmin, isFiltered }: { isEmpty: boolean; isAdmin: boolean; isFiltered: boolean }) {
  return isEmpty ? (
    <EmptyState title="No resources yet">
      {isAdmin ? (
        <>
          Add an SSH host or a database in{' '}
          <Link href="/admin/resources/new" className="text-indigo-600 underline dark:text-indigo-400">
            Manage resources
          </Link>
          .
        </>
      ) : (
        'Ask an admin to add the hosts and databases you work with.'
      )}
    </EmptyState>
  ) : (
    <EmptyState title="Nothing matches">{isFiltered ? 'Try another search or clear the filters.' : null}</EmptyState>
  );
}
