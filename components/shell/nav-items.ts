export type NavRole = 'engineer' | 'approver' | 'auditor' | 'admin';

/** `badge: 'approvals'` shows the live count of requests awaiting the user's decision. */
/** `also`: other pages the item stands for (its tabs), where it shows as the current one. */
export type NavItem = { href: string; label: string; roles?: NavRole[]; badge?: 'approvals'; also?: string[] };

/** The left rail (see UI map); each feature adds its entry here when its page exists. */
export const NAV_ITEMS: NavItem[] = [
  { href: '/resources', label: 'Resources' },
  { href: '/sessions', label: 'Sessions' },
  { href: '/recordings', label: 'Recordings' },
  { href: '/search', label: 'Search' },
  { href: '/insights', label: 'Insights' },
  { href: '/notes', label: 'Notes & snippets', also: ['/snippets'] },
  { href: '/shared-with-me', label: 'Shared with me' },
  { href: '/requests', label: 'Requests' },
  { href: '/approvals', label: 'Approvals', roles: ['approver'], badge: 'approvals' },
  { href: '/audit', label: 'Audit', roles: ['auditor', 'admin'] },
  { href: '/admin/retention', label: 'Retention & holds', roles: ['auditor', 'admin'] },
  { href: '/admin/users', label: 'Users', roles: ['admin'] },
  { href: '/admin/resources', label: 'Manage resources', roles: ['admin'] },
  { href: '/admin/masking', label: 'Masking', roles: ['admin'] },
  { href: '/admin/webhooks', label: 'Webhooks', roles: ['admin'] },
  { href: '/admin/storage', label: 'Storage', roles: ['admin'] },
  { href: '/admin/settings', label: 'Settings', roles: ['admin'] },
];
