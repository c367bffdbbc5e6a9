import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { HostKeyPanel } from '@/components/admin/HostKeyPanel';
import { KubernetesAccessPanel } from '@/components/kubernetes/KubernetesAccessPanel';
import { ResourceForm } from '@/components/admin/ResourceForm';
import { resourceTypeLabel } from '@/components/resources/ResourceTypeIcon';
import { Alert } from '@/components/ui/Alert';
import { buttonClass } from '@/components/ui/Button';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { env } from '@/server/env';
import { findResource } from '@/server/resources/find-resource';
import { toResourceView } from '@/server/resources/resource-view';
import type { Resource } from '@/db/schema';
import type { ResourceFormValues } from '@/components/admin/resource-form-values';
import { deleteResourceAction, updateResourceAction } from './actions';
import { MaskingSection } from './masking-section';
import { PolicySection } from './policy-section';
import { SqlSettingsSection } from './sql-settings-section';

export const metadata: Metadata = { title: 'Edit resource' };

export default async function EditResourcePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  await requirePageActor('admin');
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  const row = await findResource(id);
  if (!row) notFound();
  const resource = toResourceView(row);
  const address = `${resource.host}:${resource.port}`;

  return (
    <div className="max-w-2xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500 dark:text-zinc-400">
        <Link href="/admin/resources" className="hover:underline">
          Manage resources
        </Link>{' '}
        / <span>{resource.name}</span>
      </nav>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">{resource.name}</h1>
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
            {resourceTypeLabel(resource.type)} · <span className="font-mono text-xs">{address}</span>
          </p>
        </div>
        <Link href={`/resources/${resource.id}`} className={buttonClass('secondary')}>
          View in catalogue
        </Link>
      </div>
      {created && resource.type === 'ssh' && !resource.hostKeyFingerprint ? (
        <Alert tone="info">
          {resource.name} was created. Before anyone can connect, fetch its host key below and confirm that the fingerprint is the host’s own.
        </Alert>
      ) : null}
      {resource.type === 'ssh' ? <HostKeyPanel resourceId={resource.id} address={address} pinned={resource.hostKeyFingerprint} /> : null}
      {resource.type === 'kubernetes' ? <KubernetesAccessPanel resourceId={resource.id} /> : null}
      <ResourceForm action={updateResourceAction.bind(null, resource.id)} defaultIdleMinutes={env().sessionInputIdleMs / 60_000} initial={formValues(row)} />
      <PolicySection resourceId={resource.id} accessMode={resource.accessMode} />
      {resource.type === 'postgres' || resource.type === 'mysql' ? <SqlSettingsSection resource={row} /> : null}
      <MaskingSection resourceId={resource.id} resourceName={resource.name} />
      <section aria-labelledby="danger-heading" className="rounded-lg border border-red-200 bg-white p-5 dark:border-red-900/60 dark:bg-zinc-900">
        <h2 id="danger-heading" className="text-sm font-semibold">
          Delete resource
        </h2>
        <p className="mt-1 mb-3 text-sm text-zinc-600 dark:text-zinc-300">
          Removes the resource and its stored credentials. Nobody can connect to it afterwards.
        </p>
        <ConfirmButton
          label="Delete resource"
          title={`Delete ${resource.name}?`}
          description="The resource and its encrypted credentials are removed. This cannot be undone."
          variant="danger"
          action={deleteResourceAction.bind(null, resource.id)}
        />
      </section>
    </div>
  );
}

/** The edit form's starting values: the resource's settings, never its stored credentials. */
function formValues(row: Resource): ResourceFormValues {
  const resource = toResourceView(row);
  return {
    type: resource.type,
    name: resource.name,
    description: resource.description,
    tags: resource.tags,
    host: resource.host,
    port: resource.port,
    username: resource.username,
    database: resource.database,
    tlsMode: resource.tlsMode,
    ca: row.tls?.ca ?? '',
    accessMode: resource.accessMode,
    allowedRoles: resource.allowedRoles,
    retentionDays: resource.retentionDays,
    recording: resource.recording,
    inputIdleMinutes: resource.inputIdleMinutes,
    hasPassword: resource.hasPassword,
    hasPrivateKey: resource.hasPrivateKey,
    hasToken: resource.hasToken,
    kubernetes: resource.kubernetes ?? undefined,
    hasCredential: resource.hasCredential,
    http: resource.http ?? undefined,
  };
}
