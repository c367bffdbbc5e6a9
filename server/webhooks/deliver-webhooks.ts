import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { webhookDeliveries, webhooks, type WebhookDelivery } from '@/db/access-schema';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER } from './sign-webhook';
import { postWebhook } from './post-webhook';
import { openWebhookSecret } from './webhook-secret';
import { log } from '../log/logger';
import { processSingleton } from '@/lib/process-singleton';

/** Attempt n (1-based) failing waits baseMs·2^(n-1) before the next; after maxAttempts it is `failed`. */
export const WEBHOOK_RETRY = { maxAttempts: 6, baseMs: 30_000, timeoutMs: 10_000, batch: 20, leaseMs: 60_000 };

export const SECRET_UNREADABLE = 'cannot decrypt the signing secret; rotate it';

type Claimed = WebhookDelivery & { url: string; secret: string };

/**
 * Leases due deliveries: their next attempt moves a minute ahead while this process sends
 * them, and SKIP LOCKED keeps two replicas from picking the same rows.
 */
async function claimDue(limit: number): Promise<Claimed[]> {
  const due = sql`select ${webhookDeliveries.id} from ${webhookDeliveries}
    where ${webhookDeliveries.status} = 'pending' and ${webhookDeliveries.nextAttemptAt} <= now()
    order by ${webhookDeliveries.nextAttemptAt} limit ${limit} for update skip locked`;
  const claimed = await db()
    .update(webhookDeliveries)
    .set({ nextAttemptAt: sql`now() + make_interval(secs => ${WEBHOOK_RETRY.leaseMs / 1000})` })
    .where(sql`${webhookDeliveries.id} in (${due})`)
    .returning();
  if (claimed.length === 0) return [];
  const hooks = await db().select({ id: webhooks.id, url: webhooks.url, secret: webhooks.secret }).from(webhooks);
  const byId = new Map(hooks.map((hook) => [hook.id, hook]));
  const ready: Claimed[] = [];
  for (const delivery of claimed) {
    const hook = byId.get(delivery.webhookId);
    if (!hook) continue;
    try {
      ready.push({ ...delivery, url: hook.url, secret: openWebhookSecret(hook.id, hook.secret) });
    } catch {
      // Sealed with another key (PORTHOLE_SECRET_KEY changed): retrying cannot help.
      await db()
        .update(webhookDeliveries)
        .set({ status: 'failed', lastError: SECRET_UNREADABLE, lastAttemptAt: sql`now()` })
        .where(eq(webhookDeliveries.id, delivery.id));
    }
  }
  return ready;
}

/**
 * What users see of a failed attempt that got no HTTP answer. The cause (refused address,
 * connection refused, timeout, DNS) goes to the server log only: shown to users, it would
 * tell which internal hosts and ports answer.
 */
export const DELIVERY_FAILED = 'Could not deliver (no HTTP answer; the server log has the cause)';

function describeFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${WEBHOOK_RETRY.timeoutMs / 1000}s`;
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return [error instanceof Error ? error.message : String(error), code].filter(Boolean).join(' ');
}

/** One signed POST of a delivery; resolves to the HTTP status. */
async function send(delivery: Claimed): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({ ...delivery.payload, porthole: { ...(delivery.payload.porthole as object), deliveryId: delivery.id, timestamp } });
  return postWebhook(
    delivery.url,
    {
      'content-type': 'application/json',
      'user-agent': 'Porthole-Webhook/1',
      [SIGNATURE_HEADER]: signBody(delivery.secret, body),
      [TIMESTAMP_HEADER]: String(timestamp),
      [EVENT_HEADER]: delivery.event,
      [DELIVERY_HEADER]: delivery.id,
    },
    body,
    WEBHOOK_RETRY.timeoutMs,
  );
}

async function attempt(delivery: Claimed): Promise<void> {
  let statusCode: number | null = null;
  let failure: string | null = null;
  try {
    statusCode = await send(delivery);
    if (statusCode < 200 || statusCode >= 300) failure = `HTTP ${statusCode}`;
  } catch (error) {
    log().warn(`webhook delivery ${delivery.id} (webhook ${delivery.webhookId}) failed: ${describeFailure(error)}`);
    failure = DELIVERY_FAILED;
  }
  const attempts = delivery.attempts + 1;
  const isLast = attempts >= WEBHOOK_RETRY.maxAttempts;
  const backoffMs = WEBHOOK_RETRY.baseMs * 2 ** (attempts - 1);
  await db()
    .update(webhookDeliveries)
    .set({
      attempts,
      lastAttemptAt: sql`now()`,
      lastStatusCode: statusCode,
      lastError: failure,
      status: failure === null ? 'delivered' : isLast ? 'failed' : 'pending',
      nextAttemptAt: failure === null || isLast ? sql`now()` : sql`now() + make_interval(secs => ${backoffMs / 1000})`,
    })
    .where(eq(webhookDeliveries.id, delivery.id));
}

/** Sends every delivery that is due now; returns how many were attempted. */
export async function deliverDueWebhooks(): Promise<number> {
  let total = 0;
  for (;;) {
    const batch = await claimDue(WEBHOOK_RETRY.batch);
    if (batch.length === 0) return total;
    await Promise.all(batch.map(attempt));
    total += batch.length;
  }
}

type Sender = { isEnabled: boolean; isRunning: boolean; isAgain: boolean };
const sender = (): Sender => processSingleton<Sender>('webhookSender', () => ({ isEnabled: false, isRunning: false, isAgain: false }));

/** The background job turns this on; until then (tests, builds) wake-ups do nothing. */
export function enableWebhookSender(isEnabled: boolean): void {
  sender().isEnabled = isEnabled;
}

/** Sends due deliveries soon, in the background; coalesces wake-ups that arrive meanwhile. */
export function wakeWebhookSender(): void {
  const state = sender();
  if (!state.isEnabled) return;
  if (state.isRunning) {
    state.isAgain = true;
    return;
  }
  state.isRunning = true;
  setImmediate(() => {
    void deliverDueWebhooks()
      .catch((error: unknown) => log().error({ err: error }, 'webhook delivery failed'))
      .finally(() => {
        state.isRunning = false;
        if (state.isAgain) {
          state.isAgain = false;
          wakeWebhookSender();
        }
      });
  });
}
