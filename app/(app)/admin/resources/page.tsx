import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable, Td, Th, rowClass } from '@/components/ui/DataTable';
import { Pagination, pageOf } from '@/components/ui/Pagination';
import { resourceTypeLabel } from '@/components/resources/ResourceTypeIcon';
import { TagList } from '@/components/resources/TagList';
import { Alert } from '@/components/ui/Alert';
import { buttonClass } from '@/components/ui/Button';
import { Badge, EmptyState, PageHeader } from '@/components/ui/PageHeader';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { listResources } from '@/server/resources/list-resources';
import type { ResourceView } from '@/server/resources/resource-schemas';

export const metadata: Metadata = { title: 'Manage resources' };

function HostKeyState({ resource }: { resource: ResourceView }) {
  if (resource.type !== 'ssh') return <span className="text-zinc-400 dark:text-zinc-500">—</span>;
  return resource.hostKeyFingerprint ? (
    <span title={resource.hostKeyFingerprint}>
      <Badge tone="emerald">Pinned</Badge>
    </span>
  ) : (
    <Badge tone="amber">Not confirmed</Badge>
  );
}

export default async function ManageResourcesPage({ searchParams }: { searchParams: Promise<{ created?: string; deleted?: string; page?: string }> }) {
  const actor = await requirePageActor('admin');
  const { created, deleted, page: pageParam } = await searchParams;
  const resources = await listResources({ actor });
  const { rows, page, pageCount, total } = pageOf(resources, pageParam);
  const createdResource = created ? resources.find((resource) => resource.id === created) : undefined;

  return (
    <div className="max-w-6xl">
      <PageHeader
        title="Manage resources"
        description="SSH hosts and databases, how Porthole signs in to them, and who may connect."
        actions={
          <Link href="/admin/resources/new" className={buttonClass('primary')}>
            Add resource
          </Link>
        }
      />
      {createdResource ? (
        <div className="mb-4">
          <Alert tone="success">Created {createdResource.name}.</Alert>
        </div>
      ) : null}
      {deleted ? (
        <div className="mb-4">
          <Alert tone="success">Resource deleted.</Alert>
        </div>
      ) : null}
      {resources.length === 0 ? (
        <EmptyState title="No resources yet">
          <Link href="/admin/resources/new" className="text-indigo-600 underline dark:text-indigo-400">
            Add an SSH host or a database
          </Link>{' '}
          so people can connect to it through Porthole.
        </EmptyState>
      ) : (
        <>
          <DataTable
            label="Resources"
            head={
              <>
                <Th>Name</Th>
                <Th>Type</Th>
                <Th>Address</Th>
                <Th>Access</Th>
                <Th>Tags</Th>
                <Th>Host key</Th>
              </>
            }
          >
            {rows.map((resource) => (
              <tr key={resource.id} className={`${rowClass} ${resource.id === created ? 'bg-indigo-50/60 dark:bg-indigo-950/30' : ''}`}>
                <Td className="font-medium">
                  <Link href={`/admin/resources/${resource.id}`} className="hover:text-indigo-600 hover:underline dark:hover:text-indigo-400">
                    {resource.name}
                  </Link>
                </Td>
                <Td>
                  <span className="whitespace-nowrap text-zinc-600 dark:text-zinc-300">{resourceTypeLabel(resource.type)}</span>
                </Td>
                <Td className="font-mono text-xs text-zinc-600 dark:text-zinc-300">
                  {resource.username}@{resource.host}:{resource.port}
                  {resource.database ? `/${resource.database}` : ''}
                </Td>
                <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-300">{resource.accessMode === 'open' ? 'Open' : 'Needs approval'}</Td>
                <Td>{resource.tags.length ? <TagList tags={resource.tags} /> : <span className="text-zinc-400 dark:text-zinc-500">—</span>}</Td>
                <Td>
                  <HostKeyState resource={resource} />
                </Td>
              </tr>
            ))}
          </DataTable>
          <Pagination basePath="/admin/resources" page={page} pageCount={pageCount} total={total} />
        </>
      )}
    </div>
  );
}
