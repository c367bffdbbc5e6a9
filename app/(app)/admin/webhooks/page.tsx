import type { Metadata } from 'next';
import { ActionButton } from '@/components/access/ActionButton';
import { RotateSecretButton } from '@/components/access/RotateSecretButton';
import { WebhookForm } from '@/components/access/WebhookForm';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { DataTable, rowClass, Td, Th } from '@/components/ui/DataTable';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/PageHeader';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { env } from '@/server/env';
import { listDeliveries, listWebhooks } from '@/server/webhooks/list-webhooks';
import type { DeliveryView, WebhookView } from '@/server/webhooks/webhook-schemas';
import { createWebhookAction, deleteWebhookAction, retryDeliveryAction, rotateSecretAction, sendTestAction, setWebhookEnabledAction } from './actions';

export const metadata: Metadata = { title: 'Webhooks' };

const STATUS_TONE = { pending: 'amber', delivered: 'emerald', failed: 'red' } as const;

export default async function WebhooksPage() {
  const actor = await requirePageActor('admin');
  const [hooks, deliveries] = await Promise.all([listWebhooks({ actor }), listDeliveries({ actor, limit: 100 })]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Webhooks"
        description="Porthole posts access requests and decisions to these URLs as JSON a Slack incoming webhook accepts, signed with HMAC-SHA256, retried with backoff."
      />
      <Card>
        <WebhookForm action={createWebhookAction} isPlainHttpAllowed={env().isWebhookPrivateAllowed} />
      </Card>
      <WebhooksTable hooks={hooks} />
      <RecentDeliveries deliveries={deliveries} />
    </div>
  );
}

function WebhooksTable({ hooks }: { hooks: WebhookView[] }) {
  return hooks.length === 0 ? (
    <EmptyState title="No webhooks yet">Add a Slack incoming webhook URL, or any HTTPS endpoint, above.</EmptyState>
  ) : (
    <DataTable
      label="Webhooks"
      head={
        <>
          <Th>Name</Th>
          <Th>Events</Th>
          <Th>Deliveries</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </>
      }
    >
      {hooks.map((hook) => (
        <tr key={hook.id} className={rowClass}>
          <Td>
            <span className="font-medium">{hook.name}</span> {hook.isEnabled ? null : <Badge>Disabled</Badge>}
            <span className="block max-w-xs truncate font-mono text-xs text-zinc-500 dark:text-zinc-400" title={hook.url}>
              {hook.url}
            </span>
          </Td>
          <Td className="text-xs text-zinc-600 dark:text-zinc-300">{hook.events.join(', ')}</Td>
          <Td className="text-xs whitespace-nowrap">
            {hook.counts.delivered} delivered · {hook.counts.pending} pending ·{' '}
            <span className={hook.counts.failed > 0 ? 'text-red-600 dark:text-red-400' : ''}>{hook.counts.failed} failed</span>
          </Td>
          <Td>
            <div className="flex flex-wrap justify-end gap-1">
              <ActionButton label="Send test" pendingLabel="Queuing…" variant="ghost" action={sendTestAction.bind(null, hook.id)} />
              <ActionButton
                label={hook.isEnabled ? 'Disable' : 'Enable'}
                pendingLabel="Saving…"
                variant="ghost"
                action={setWebhookEnabledAction.bind(null, hook.id, !hook.isEnabled)}
              />
              <RotateSecretButton action={rotateSecretAction.bind(null, hook.id)} />
              <ConfirmButton
                label="Delete"
                title={`Delete the webhook ${hook.name}?`}
                description="Porthole stops posting to it, and its delivery history is removed."
                variant="ghost"
                action={deleteWebhookAction.bind(null, hook.id)}
              />
            </div>
          </Td>
        </tr>
      ))}
    </DataTable>
  );
}

function RecentDeliveries({ deliveries }: { deliveries: DeliveryView[] }) {
  return (
    <section aria-labelledby="deliveries-heading" className="space-y-2">
      <h2 id="deliveries-heading" className="text-sm font-semibold">
        Recent deliveries
      </h2>
      {deliveries.length === 0 ? (
        <EmptyState title="No deliveries yet">Deliveries appear when a subscribed event happens, or when you send a test.</EmptyState>
      ) : (
        <DataTable
          label="Recent deliveries"
          head={
            <>
              <Th>When</Th>
              <Th>Webhook</Th>
              <Th>Event</Th>
              <Th>State</Th>
              <Th>Attempts</Th>
              <Th>Last result</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </>
          }
        >
          {deliveries.map((d) => (
            <tr key={d.id} className={rowClass} data-status={d.status}>
              <Td className="text-zinc-500 dark:text-zinc-400">
                <RelativeTime iso={d.createdAt} />
              </Td>
              <Td>{d.webhookName}</Td>
              <Td>
                <code className="text-xs">{d.event}</code>
              </Td>
              <Td>
                <Badge tone={STATUS_TONE[d.status]}>{d.status}</Badge>
                {d.status === 'pending' && d.nextAttemptAt && d.attempts > 0 ? (
                  <span className="ml-1 text-xs text-zinc-500 dark:text-zinc-400">
                    retry <RelativeTime iso={d.nextAttemptAt} />
                  </span>
                ) : null}
              </Td>
              <Td className="tabular-nums">{d.attempts}</Td>
              <Td className="text-xs text-zinc-600 dark:text-zinc-300">{d.lastError ?? (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : '—')}</Td>
              <Td className="text-right">
                {d.status === 'failed' ? (
                  <ActionButton label="Retry" pendingLabel="Queuing…" variant="ghost" action={retryDeliveryAction.bind(null, d.id)} />
                ) : null}
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
