import { z } from 'zod';
import { DELIVERY_STATUSES, WEBHOOK_EVENTS } from '@/db/access-schema';
import { isRefusedLiteral } from '../net/checked-lookup';
import { isPlainHttpWebhookAllowed, webhookAddressCheck } from '../net/outbound-checks';

/** At save time: https, and no private host written as such (delivery checks the resolved address again). */
function checkWebhookTarget(url: string, ctx: z.RefinementCtx) {
  // zod runs this even when the URL check before it failed; that failure is the message.
  if (!URL.canParse(url)) return;
  const target = new URL(url);
  const check = webhookAddressCheck();
  if (target.protocol === 'http:' && !isPlainHttpWebhookAllowed(target.hostname)) ctx.addIssue({ code: 'custom', message: 'Use an https:// URL' });
  else if (check && isRefusedLiteral(target.hostname, check))
    ctx.addIssue({ code: 'custom', message: 'Webhooks cannot post to loopback, private or link-local addresses' });
}

export const webhookInput = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(80),
  url: z
    .string()
    .trim()
    .max(2000)
    .pipe(z.url({ protocol: /^https?$/, error: 'Enter an http(s) URL' }))
    .superRefine(checkWebhookTarget),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'Choose at least one event'),
  isEnabled: z.boolean().default(true),
});
export type WebhookInput = z.input<typeof webhookInput>;

export const webhookView = z.object({
  id: z.uuid(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  isEnabled: z.boolean(),
  createdAt: z.string(),
  counts: z.object({ pending: z.number(), delivered: z.number(), failed: z.number() }),
});
export type WebhookView = z.infer<typeof webhookView>;

export const deliveryView = z.object({
  id: z.uuid(),
  webhookId: z.uuid(),
  webhookName: z.string(),
  event: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
});
export type DeliveryView = z.infer<typeof deliveryView>;

/** A webhook as just created or re-keyed: the signing secret, shown this once. */
export const createdWebhookView = webhookView.extend({ secret: z.string() });
export const webhookSecretView = z.object({ secret: z.string() });
