import { z } from 'zod';
import { updateWebhookInput } from './update-webhook';
import { createdWebhookView, deliveryView, webhookInput, webhookSecretView, webhookView } from './webhook-schemas';

type WebhookOperation = {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  roles: string;
  body?: z.ZodType;
  response?: z.ZodType;
  status?: number;
};

const tag = 'Webhooks';
const roles = 'admin';

/** The webhooks page as API operations, spread into the OpenAPI list (server/api/openapi.ts). */
export const webhookOperations: WebhookOperation[] = [
  { method: 'get', path: '/webhooks', summary: 'Webhooks with their delivery counts', tag, roles, response: z.array(webhookView) },
  {
    method: 'post',
    path: '/webhooks',
    summary: 'Add a webhook (https, public address); its signing secret is returned once',
    tag,
    roles,
    body: webhookInput,
    response: createdWebhookView,
    status: 201,
  },
  { method: 'get', path: '/webhooks/{id}', summary: 'Get a webhook', tag, roles, response: webhookView },
  {
    method: 'patch',
    path: '/webhooks/{id}',
    summary: 'Rename, re-target, change the events of, enable or disable a webhook',
    tag,
    roles,
    body: updateWebhookInput,
    response: webhookView,
  },
  { method: 'delete', path: '/webhooks/{id}', summary: 'Delete a webhook and its delivery history', tag, roles, status: 204 },
  { method: 'post', path: '/webhooks/{id}/test', summary: 'Queue a test message to the webhook', tag, roles, status: 202 },
  {
    method: 'post',
    path: '/webhooks/{id}/rotate-secret',
    summary: 'A new signing secret, returned once; the old one stops working at once',
    tag,
    roles,
    response: webhookSecretView,
  },
  {
    method: 'get',
    path: '/webhooks/{id}/deliveries',
    summary: "The webhook's latest deliveries, newest first (failures without an HTTP answer are reported generically; the server log has the cause)",
    tag,
    roles,
    response: z.array(deliveryView),
  },
];
