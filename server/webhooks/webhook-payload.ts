import type { WebhookEvent } from '@/db/access-schema';
import { env } from '../env';

export type DeliveryEvent = WebhookEvent | 'webhook.test';

/** What a webhook says about a request; built inside the transaction that changed it. */
export type RequestEventSubject = {
  request: { id: string; status: string; durationMinutes: number; reason: string; ticketUrl: string | null };
  resource: { id: string; name: string };
  requester: { id: string; name: string; email: string };
  /** Who made the change; null for the expiry job. */
  actor: { id: string; name: string; email: string } | null;
  comment?: string;
  grant?: { id: string; expiresAt: string } | null;
};

const HEADLINES: Record<DeliveryEvent, string> = {
  'request.created': 'requested access',
  'request.approved': 'was granted access',
  'request.denied': 'was denied access',
  'request.cancelled': 'cancelled their request',
  'request.revoked': 'had access revoked',
  'request.expired': 'no longer has access (expired)',
  'webhook.test': 'test',
};

function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m`;
}

/** Slack's mrkdwn: escape the three control characters. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A body a Slack incoming webhook accepts as is (`text` plus `blocks`), with Porthole's own
 * fields under `porthole` for other receivers.
 */
export function buildRequestPayload(event: WebhookEvent, subject: RequestEventSubject): Record<string, unknown> {
  const link = `${env().publicUrl}/requests?id=${subject.request.id}`;
  const who = subject.requester.name || subject.requester.email;
  const text = `${who} ${HEADLINES[event]} to ${subject.resource.name}`;
  const lines = [`*${escape(who)}* ${HEADLINES[event]} to *${escape(subject.resource.name)}* (<${link}|open in Porthole>)`];
  if (event === 'request.created') {
    lines.push(`For ${formatMinutes(subject.request.durationMinutes)}${subject.request.reason ? `: ${escape(subject.request.reason)}` : ''}`);
  }
  if (subject.actor && event !== 'request.created' && event !== 'request.cancelled') lines.push(`By ${escape(subject.actor.name || subject.actor.email)}`);
  if (subject.comment) lines.push(`> ${escape(subject.comment)}`);
  if (subject.grant && event === 'request.approved') lines.push(`Until ${subject.grant.expiresAt}`);
  return {
    text,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } }],
    porthole: { event, ...subject, url: link },
  };
}

export function buildTestPayload(webhookName: string): Record<string, unknown> {
  const text = `Test message from Porthole for the webhook "${webhookName}"`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escape(text) } }], porthole: { event: 'webhook.test' } };
}
