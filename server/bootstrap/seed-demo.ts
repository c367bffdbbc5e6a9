import { createUser } from '../users/create-user';
import { findUserByEmail } from '../users/find-user';

/**
 * Demo accounts with well-known passwords, printed at every start while demo mode is on.
 * Demo mode is for trying Porthole on a laptop; PORTHOLE_DEMO=0 turns it off.
 */
export const DEMO_ACCOUNTS = [
  { email: 'admin@porthole.local', password: 'porthole-admin', name: 'Ada Admin', roles: ['approver', 'auditor', 'admin'] as const },
  { email: 'approver@porthole.local', password: 'porthole-approver', name: 'Arlo Approver', roles: ['approver'] as const },
  { email: 'engineer@porthole.local', password: 'porthole-engineer', name: 'Emma Engineer', roles: [] as const },
];

export async function seedDemo(): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByEmail(account.email)) continue;
    await createUser({ actor: null, input: { ...account, roles: [...account.roles] } });
  }
}
