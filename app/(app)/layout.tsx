import { SessionKeepAlive } from '@/components/auth/SessionKeepAlive';
import { AppShell } from '@/components/shell/AppShell';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { sessionRefreshSeconds } from '@/server/auth/session-age';
import { env } from '@/server/env';

export const dynamic = 'force-dynamic';

export default async function AuthenticatedLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  return (
    <>
      <SessionKeepAlive refreshSeconds={sessionRefreshSeconds(env().session)} />
      <AppShell user={{ name: actor.name, email: actor.email, roles: actor.roles }}>{children}</AppShell>
    </>
  );
}
