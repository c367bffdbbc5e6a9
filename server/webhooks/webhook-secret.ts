import { randomBytes } from 'node:crypto';
import { deriveKey } from '../crypto/master-key';
import { open, seal } from '../crypto/secret-box';

const key = () => deriveKey('webhook-secrets');

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The signing secret must be readable to sign, so it is encrypted (bound to its webhook), not hashed. */
export function sealWebhookSecret(webhookId: string, secret: string): string {
  return seal(key(), secret, `webhook:${webhookId}`);
}

export function openWebhookSecret(webhookId: string, envelope: string): string {
  return open(key(), envelope, `webhook:${webhookId}`);
}
