import Link from 'next/link';
import type { ReactNode } from 'react';
import { ApprovalsBadge } from '../access/ApprovalsBadge';
import { NavLink } from './NavLink';
import { NAV_ITEMS, type NavRole } from './nav-items';
import { ProfileMenu } from './ProfileMenu';

export function AppShell({ user, children }: { user: { name: string; email: string; roles: NavRole[] }; children: ReactNode }) {
  const items = NAV_ITEMS.filter((item) => !item.roles || item.roles.some((role) => user.roles.includes(role)));
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-56 shrink-0 flex-col border-r border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <Link href="/resources" className="flex items-center gap-2 px-4 py-4 text-base font-semibold tracking-tight">
          <span aria-hidden className="inline-block h-5 w-5 rounded-full border-4 border-indigo-600 dark:border-indigo-400" />
          Porthole
        </Link>
        <nav aria-label="Main" className="flex-1 space-y-0.5 px-2">
          {items.map((item) => (
            <NavLink key={item.href} href={item.href}>
              {item.badge === 'approvals' ? (
                <span className="flex items-center gap-2">
                  {item.label}
                  <ApprovalsBadge />
                </span>
              ) : (
                item.label
              )}
            </NavLink>
          ))}
        </nav>
        <div className="border-t border-zinc-200 p-2 dark:border-zinc-800">
          <ProfileMenu name={user.name} email={user.email} />
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  );
}
