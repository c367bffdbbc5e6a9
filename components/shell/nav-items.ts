export type NavRole = 'engineer' | 'approver' | 'auditor' | 'admin';

export type NavItem = { href: string; label: string; roles?: NavRole[] };

/** The left rail (see UI map); each feature adds its entry here when its page exists. */
export const NAV_ITEMS: NavItem[] = [
  { href: '/resources', label: 'Resources' },
  { href: '/admin/users', label: 'Users', roles: ['admin'] },
  { href: '/admin/resources', label: 'Manage resources', roles: ['admin'] },
];
