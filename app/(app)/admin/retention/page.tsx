import type { Metadata } from 'next';
import { DataTable, rowClass, Td, Th } from '@/components/ui/DataTable';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { LiftHoldForm } from '@/components/retention/LiftHoldForm';
import { PlaceHoldForm } from '@/components/retention/PlaceHoldForm';
import { RetentionSettingsForm } from '@/components/retention/RetentionSettingsForm';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/PageHeader';
import { formatCount } from '@/lib/format/count';
import { hasRole } from '@/server/actor/actor';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { listResources } from '@/server/resources/list-resources';
import { listHolds } from '@/server/retention/list-holds';
import { getRetentionSettings } from '@/server/retention-policy/retention-settings';
import { listUserChoices } from '@/server/users/list-user-choices';
import { liftHoldAction, placeHoldAction, updateRetentionAction } from './actions';

export const metadata: Metadata = { title: 'Retention & holds' };

const SCOPE_LABEL = { recording: 'Recording', user: 'User', resource: 'Resource' } as const;

export default async function RetentionPage() {
  const actor = await requirePageActor('auditor', 'admin');
  const isAdmin = hasRole(actor, 'admin');
  const [settings, holds, users, resources] = await Promise.all([
    getRetentionSettings(),
    listHolds({ actor }),
    listUserChoices({ actor }),
    listResources({ actor }),
  ]);
  const active = holds.filter((hold) => hold.liftedAt === null);
  const lifted = holds.filter((hold) => hold.liftedAt !== null);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Retention & holds"
        description="How long recordings are kept, and the legal holds that keep them regardless. A purge leaves a tombstone (owner, resource, times, size, chain head) and an audit event."
      />
      <Card>
        <h2 className="mb-3 text-sm font-semibold">Retention</h2>
        {isAdmin ? (
          <RetentionSettingsForm action={updateRetentionAction} defaultDays={settings.defaultDays} ownersMayDelete={settings.ownersMayDelete} />
        ) : (
          <p className="text-sm">
            {settings.defaultDays === 0 ? 'Recordings are kept forever' : `Recordings are kept ${formatCount(settings.defaultDays, 'day')} after they end`},
            unless their resource says otherwise.
            {settings.ownersMayDelete ? ' Engineers may delete their own.' : ' Engineers cannot delete their own.'}
          </p>
        )}
      </Card>
      <Card>
        <h2 className="mb-3 text-sm font-semibold">Place a legal hold</h2>
        <PlaceHoldForm
          action={placeHoldAction}
          users={users.map((user) => ({ id: user.id, label: `${user.name} <${user.email}>` }))}
          resources={resources.map((resource) => ({ id: resource.id, label: resource.name }))}
        />
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">To hold one recording, use the button on its replay page.</p>
      </Card>
      <ActiveHolds holds={active} />
      <LiftedHolds holds={lifted} />
    </div>
  );
}

function HoldHead({ lifted = false }: { lifted?: boolean }) {
  return (
    <>
      <Th>On</Th>
      <Th>Reason</Th>
      <Th>Placed</Th>
      <Th>{lifted ? 'Lifted' : <span className="sr-only">Lift</span>}</Th>
    </>
  );
}

type Hold = Awaited<ReturnType<typeof listHolds>>[number];

function ActiveHolds({ holds }: { holds: Hold[] }) {
  return (
    <section aria-labelledby="active-holds" className="space-y-2">
      <h2 id="active-holds" className="text-sm font-semibold">
        Active holds <Badge tone={holds.length > 0 ? 'amber' : 'zinc'}>{holds.length}</Badge>
      </h2>
      {holds.length === 0 ? (
        <EmptyState title="No legal holds">Recordings follow their retention. Place a hold above, or on a recording&apos;s page.</EmptyState>
      ) : (
        <DataTable label="Active legal holds" head={<HoldHead />}>
          {holds.map((hold) => (
            <tr key={hold.id} className={rowClass}>
              <Td>
                <Badge>{SCOPE_LABEL[hold.scope]}</Badge> <span className="font-medium">{hold.targetLabel}</span>
              </Td>
              <Td className="max-w-sm text-sm">{hold.reason}</Td>
              <Td className="text-xs whitespace-nowrap">
                {hold.placedByName ?? 'a deleted user'} · <RelativeTime iso={hold.placedAt} />
              </Td>
              <Td>
                <LiftHoldForm action={liftHoldAction.bind(null, hold.id)} label={hold.targetLabel} />
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function LiftedHolds({ holds }: { holds: Hold[] }) {
  if (holds.length === 0) return null;
  return (
    <section aria-labelledby="lifted-holds" className="space-y-2">
      <h2 id="lifted-holds" className="text-sm font-semibold">
        Lifted holds
      </h2>
      <DataTable label="Lifted legal holds" head={<HoldHead lifted />}>
        {holds.map((hold) => (
          <tr key={hold.id} className={rowClass}>
            <Td>
              <Badge>{SCOPE_LABEL[hold.scope]}</Badge> {hold.targetLabel}
            </Td>
            <Td className="max-w-sm text-sm">{hold.reason}</Td>
            <Td className="text-xs whitespace-nowrap">
              {hold.placedByName ?? 'a deleted user'} · <RelativeTime iso={hold.placedAt} />
            </Td>
            <Td className="text-xs">
              {hold.liftedByName ?? 'a deleted user'} · <RelativeTime iso={hold.liftedAt} />: {hold.liftReason}
            </Td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
