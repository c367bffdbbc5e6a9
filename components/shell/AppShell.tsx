import Link from 'next/link';
import type { ReactNode } from 'react';
import { ApprovalsBadge } from '../access/ApprovalsBadge';
import { HeaderSearch } from '../search/HeaderSearch';
import { CollapsibleRail } from './CollapsibleRail';
import { NavLink } from './NavLink';
import { NAV_ITEMS, type NavRole } from './nav-items';
import { ProfileMenu } from './ProfileMenu';

export function AppShell({ user, children }: { user: { name: string; email: string; roles: NavRole[] }; children: ReactNode }) {
  const items = NAV_ITEMS.filter((item) => !item.roles || item.roles.some((role) => user.roles.includes(role)));
  const brand = (
    <Link href="/resources" className="flex items-center gap-2 px-2 py-2 text-base font-semibold tracking-tight md:px-4 md:py-4">
      <span aria-hidden className="inline-block h-5 w-5 rounded-full border-4 border-indigo-600 dark:border-indigo-400" />
      Porthole
    </Link>
  );
  return (
    <div className="min-h-screen md:flex">
      <CollapsibleRail
        brand={brand}
        menuBadge={items.some((item) => item.badge === 'approvals') ? <ApprovalsBadge onMenuButton /> : undefined}
        search={<HeaderSearch placeholder="Search" />}
      >
        <HeaderSearch className="mx-2 mb-2 hidden md:block" />
        <nav aria-label="Main" className="flex-1 space-y-0.5 px-2 py-2 md:py-0">
          {items.map((item) => (
            <NavLink key={item.href} href={item.href} also={item.also}>
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
      </CollapsibleRail>
      <main className="min-w-0 flex-1 px-4 py-4 sm:px-6 md:px-8 md:py-6">{children}</main>
    </div>
  );
}
