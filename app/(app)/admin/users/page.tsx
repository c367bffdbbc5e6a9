import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable, Td, Th, rowClass } from '@/components/ui/DataTable';
import { Pagination, pageOf } from '@/components/ui/Pagination';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { UserRoleBadges } from '@/components/admin/UserRoleBadges';
import { Alert } from '@/components/ui/Alert';
import { buttonClass } from '@/components/ui/Button';
import { Badge, EmptyState, PageHeader } from '@/components/ui/PageHeader';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { listUsers } from '@/server/users/list-users';
import type { UserView } from '@/server/users/user-schemas';

export const metadata: Metadata = { title: 'Users' };

function signInMethod(user: UserView): string {
  if (user.isSso && user.hasPassword) return 'SSO + password';
  if (user.isSso) return 'SSO';
  return user.hasPassword ? 'Password' : 'None';
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ created?: string; page?: string }> }) {
  const actor = await requirePageActor('admin');
  const { created, page: pageParam } = await searchParams;
  const users = await listUsers({ actor });
  const { rows, page, pageCount, total } = pageOf(users, pageParam);
  const createdUser = created ? users.find((user) => user.id === created) : undefined;

  return (
    <div className="max-w-6xl">
      <PageHeader
        title="Users"
        description="People who can sign in to Porthole, and what they may do."
        actions={
          <Link href="/admin/users/new" className={buttonClass('primary')}>
            New user
          </Link>
        }
      />
      {createdUser ? (
        <div className="mb-4">
          <Alert tone="success">
            Created {createdUser.name} ({createdUser.email}). Share the password with them privately; they can change it in their profile.
          </Alert>
        </div>
      ) : null}
      {users.length === 0 ? (
        <EmptyState title="No users yet">
          <Link href="/admin/users/new" className="text-indigo-600 underline dark:text-indigo-400">
            Create the first user
          </Link>{' '}
          or let people sign in with single sign-on.
        </EmptyState>
      ) : (
        <>
          <DataTable
            label="Users"
            head={
              <>
                <Th>Name</Th>
                <Th>E-mail</Th>
                <Th>Roles</Th>
                <Th>Status</Th>
                <Th>Sign-in</Th>
                <Th>Last login</Th>
              </>
            }
          >
            {rows.map((user) => (
              <tr key={user.id} className={`${rowClass} ${user.id === created ? 'bg-indigo-50/60 dark:bg-indigo-950/30' : ''}`}>
                <Td className="font-medium">
                  <Link href={`/admin/users/${user.id}`} className="hover:text-indigo-600 hover:underline dark:hover:text-indigo-400">
                    {user.name}
                  </Link>
                  {user.id === actor.id ? <span className="ml-1.5 text-xs font-normal text-zinc-400">(you)</span> : null}
                </Td>
                <Td className="text-zinc-600 dark:text-zinc-300">{user.email}</Td>
                <Td>
                  <UserRoleBadges roles={user.roles} />
                </Td>
                <Td>{user.isDisabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="emerald">Active</Badge>}</Td>
                <Td className="text-zinc-600 dark:text-zinc-300">{signInMethod(user)}</Td>
                <Td className="text-zinc-600 dark:text-zinc-300">
                  <RelativeTime iso={user.lastLoginAt} />
                </Td>
              </tr>
            ))}
          </DataTable>
          <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">Everyone is also an engineer.</p>
          <Pagination basePath="/admin/users" page={page} pageCount={pageCount} total={total} />
        </>
      )}
    </div>
  );
}
