import type { Metadata } from 'next';
import Link from 'next/link';
import { ResourceForm } from '@/components/admin/ResourceForm';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { env } from '@/server/env';
import { createResourceAction } from './actions';

export const metadata: Metadata = { title: 'Add resource' };

export default async function NewResourcePage() {
  await requirePageActor('admin');
  return (
    <div className="max-w-2xl">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-zinc-500 dark:text-zinc-400">
        <Link href="/admin/resources" className="hover:underline">
          Manage resources
        </Link>{' '}
        / <span>Add resource</span>
      </nav>
      <PageHeader title="Add resource" description="Credentials are encrypted at rest and never shown again, not even to admins." />
      <ResourceForm action={createResourceAction} defaultIdleMinutes={env().sessionInputIdleMs / 60_000} />
    </div>
  );
}
