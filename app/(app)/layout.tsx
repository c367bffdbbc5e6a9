import { AppShell } from '@/components/shell/AppShell';
import { requirePageActor } from '@/server/auth/require-page-actor';

export const dynamic = 'force-dynamic';

export default async function AuthenticatedLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  return <AppShell user={{ name: actor.name, email: actor.email, roles: actor.roles }}>{children}</AppShell>;
}
