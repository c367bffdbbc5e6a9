import type { Metadata } from 'next';
import Link from 'next/link';
import { NewUserForm } from '@/components/admin/NewUserForm';
import { Card, PageHeader } from '@/components/ui/PageHeader';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { createUserAction } from './actions';

export const metadata: Metadata = { title: 'New user' };

export default async function NewUserPage() {
  await requirePageActor('admin');
  return (
    <div className="max-w-xl">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-zinc-500 dark:text-zinc-400">
        <Link href="/admin/users" className="hover:underline">
          Users
        </Link>{' '}
        / <span>New user</span>
      </nav>
      <PageHeader
        title="New user"
        description="They sign in with this e-mail and password. People who use single sign-on get an account at their first sign-in."
      />
      <Card className="p-5">
        <NewUserForm action={createUserAction} />
      </Card>
    </div>
  );
}
