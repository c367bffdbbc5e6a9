import type { Resource } from '@/db/schema';
import { openCredentials } from './resource-credentials';
import type { ResourceView } from './resource-schemas';

export function toResourceView(resource: Resource): ResourceView {
  let stored: { password?: string; privateKey?: string; token?: string } = {};
  try {
    stored = openCredentials(resource.id, resource.credentials);
  } catch {
    // A row the current key cannot open shows as having no credentials; connecting will fail clearly.
  }
  return {
    id: resource.id,
    name: resource.name,
    type: resource.type,
    description: resource.description,
    tags: resource.tags,
    host: resource.host,
    port: resource.port,
    username: resource.username,
    database: resource.database,
    tlsMode: resource.tls?.mode ?? null,
    accessMode: resource.accessMode,
    allowedRoles: resource.allowedRoles,
    retentionDays: resource.retentionDays,
    recording: resource.recording,
    inputIdleMinutes: resource.inputIdleMinutes,
    hostKeyFingerprint: resource.hostKeyFingerprint,
    hasPassword: Boolean(stored.password),
    hasPrivateKey: Boolean(stored.privateKey),
    hasToken: Boolean(stored.token),
    kubernetes: resource.type === 'kubernetes' ? (resource.settings?.kubernetes ?? null) : null,
    hasCredential: resource.type === 'http' && Boolean(stored.password),
    http: resource.type === 'http' ? (resource.settings?.http ?? null) : null,
    createdAt: resource.createdAt.toISOString(),
    updatedAt: resource.updatedAt.toISOString(),
  };
}
