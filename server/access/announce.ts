import { publish, type AccessEvent } from '../events/event-bus';
import { wakeWebhookSender } from '../webhooks/deliver-webhooks';

/** After a commit: tell live pages (and the gateway) and wake the webhook sender if it has work. */
export function announce(event: Omit<AccessEvent, 'type'>, queuedWebhooks = 0): void {
  publish({ type: 'access', ...event });
  if (queuedWebhooks > 0) wakeWebhookSender();
}
