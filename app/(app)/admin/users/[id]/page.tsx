import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EditUserForm } from '@/components/admin/EditUserForm';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { UserStatusButton } from '@/components/admin/UserStatusButton';
import { Badge, Card } from '@/components/ui/PageHeader';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { findUserById } from '@/server/users/find-user';
import { toUserView } from '@/server/users/user-view';
import { setUserDisabledAction, updateUserAction } from './actions';

export const metadata: Metadata = { title: 'User' };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor('admin');
  const { id } = await params;
  const row = await findUserById(id);
  if (!row) notFound();
  const user = toUserView(row);
  const isSelf = user.id === actor.id;

  return (
    <div className="max-w-xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500 dark:text-zinc-400">
        <Link href="/admin/users" className="hover:underline">
          Users
        </Link>{' '}
        / <span>{user.name}</span>
      </nav>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold tracking-tight">{user.name}</h1>
        {user.isDisabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="emerald">Active</Badge>}
        {isSelf ? <Badge>You</Badge> : null}
      </div>
      <Card className="p-5">
        <dl className="mb-5 grid grid-cols-[8rem_1fr] gap-y-1.5 text-sm">
          <dt className="text-zinc-500 dark:text-zinc-400">E-mail</dt>
          <dd>{user.email}</dd>
          <dt className="text-zinc-500 dark:text-zinc-400">Signs in with</dt>
          <dd>{[user.hasPassword ? 'Password' : null, user.isSso ? 'Single sign-on' : null].filter(Boolean).join(' and ') || 'Nothing yet'}</dd>
          <dt className="text-zinc-500 dark:text-zinc-400">Last login</dt>
          <dd>
            <RelativeTime iso={user.lastLoginAt} />
          </dd>
          <dt className="text-zinc-500 dark:text-zinc-400">Created</dt>
          <dd>
            <RelativeTime iso={user.createdAt} />
          </dd>
        </dl>
        <EditUserForm
          action={updateUserAction.bind(null, user.id)}
          name={user.name}
          roles={user.roles}
          notes={[
            isSelf ? 'Changing your own roles signs you out. You cannot remove your own admin role.' : null,
            user.isSso ? 'If your identity provider sends a mapped groups claim, it sets this user’s roles again at every sign-in.' : null,
          ]}
        />
      </Card>
      <Card className="p-5">
        <h2 className="text-sm font-semibold">{user.isDisabled ? 'Account disabled' : 'Disable account'}</h2>
        <p className="mt-1 mb-3 text-sm text-zinc-600 dark:text-zinc-300">
          {user.isDisabled
            ? 'This user cannot sign in, and their API tokens do not work. Enabling restores both.'
            : isSelf
              ? 'You cannot disable your own account; another admin can.'
              : 'A disabled user is signed out at once and cannot sign in or use API tokens until enabled again.'}
        </p>
        <UserStatusButton name={user.name} isDisabled={user.isDisabled} action={setUserDisabledAction.bind(null, user.id, !user.isDisabled)} />
      </Card>
    </div>
  );
}
