import { Badge } from '../ui/PageHeader';
import { ROLE_LABELS, ROLE_ORDER, type Role } from './roles';

/** Roles beyond the implicit "engineer"; a plain engineer shows just that. */
export function UserRoleBadges({ roles }: { roles: readonly Role[] }) {
  const extra = ROLE_ORDER.filter((role) => role !== 'engineer' && roles.includes(role));
  const shown = extra.length > 0 ? extra : (['engineer'] as const);
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Roles">
      {shown.map((role) => (
        <li key={role}>
          <Badge tone={role === 'admin' ? 'indigo' : 'zinc'}>{ROLE_LABELS[role]}</Badge>
        </li>
      ))}
    </ul>
  );
}
