import type { HttpSettings, Resource, ResourceTls } from '@/db/schema';
import { AppError } from '../errors/app-error';
import { httpHostAndPort } from './http-resource-schemas';
import { openCredentials } from './resource-credentials';
import type { UpdateResourceInput } from './resource-schemas';

type HttpInput = { baseUrl: string; auth: HttpSettings['auth']; tls: ResourceTls; credential?: string };

/** A new http resource's columns: settings, host and port from the base URL, the username basic auth sends. */
export function httpCreateColumns(data: HttpInput): {
  settings: { http: HttpSettings };
  host: string;
  port: number;
  username: string;
  credential: string | undefined;
} {
  const settings: HttpSettings = { baseUrl: data.baseUrl, auth: data.auth };
  const credential = data.auth.kind === 'none' ? undefined : data.credential;
  return { settings: { http: settings }, ...httpHostAndPort(data.baseUrl), username: data.auth.kind === 'basic' ? data.auth.username : '', credential };
}

type UpdateData = Pick<UpdateResourceInput, 'baseUrl' | 'auth' | 'credential' | 'tls'>;

/**
 * The columns an update writes on an http resource. A base URL on another origin drops the
 * stored credential (it would be sent to the new server): the update must give it again.
 */
export function httpUpdateColumns(
  existing: Resource,
  data: UpdateData,
): { settings: { http: HttpSettings }; host: string; port: number; username: string; credential: string | undefined; isTargetChanged: boolean } {
  const before = existing.settings?.http;
  if (!before) throw new AppError('CONFLICT', { userMessage: 'This resource has no HTTP settings.' });
  const settings: HttpSettings = { baseUrl: data.baseUrl ?? before.baseUrl, auth: data.auth ?? before.auth };
  const isTargetChanged = new URL(settings.baseUrl).origin !== new URL(before.baseUrl).origin;
  const stored = isTargetChanged ? undefined : openCredentials(existing.id, existing.credentials).password;
  const credential = settings.auth.kind === 'none' ? undefined : data.credential || stored;
  if (settings.auth.kind !== 'none' && !credential) {
    const message = 'Enter the credential again: it is only sent to the server it was saved for.';
    throw new AppError('VALIDATION', { userMessage: message, fields: { credential: [message] } });
  }
  const username = settings.auth.kind === 'basic' ? settings.auth.username : '';
  return { settings: { http: settings }, ...httpHostAndPort(settings.baseUrl), username, credential, isTargetChanged };
}
