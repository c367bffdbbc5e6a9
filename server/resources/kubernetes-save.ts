import type { KubernetesSettings, Resource, ResourceTls } from '@/db/schema';
import { AppError } from '../errors/app-error';
import { checkKubernetesOnSave } from './kubernetes-review-access';
import { hostAndPort } from './kubernetes-resource-schemas';
import { openCredentials } from './resource-credentials';
import type { UpdateResourceInput } from './resource-schemas';

type KubernetesInput = { apiUrl: string; tls: { mode: 'verify-full'; ca?: string }; namespaces: string[]; labelSelector: string; token: string };

/** A new kubernetes resource's settings and token, after the cluster accepted the token for the scope. */
export async function kubernetesCreateColumns(data: KubernetesInput): Promise<{ settings: { kubernetes: KubernetesSettings }; token: string }> {
  const settings: KubernetesSettings = { apiUrl: data.apiUrl, namespaces: data.namespaces, labelSelector: data.labelSelector };
  await checkKubernetesOnSave({ apiUrl: data.apiUrl, ...hostAndPort(data.apiUrl), ca: data.tls.ca, token: data.token }, data.namespaces);
  return { settings: { kubernetes: settings }, token: data.token };
}

type UpdateData = Pick<UpdateResourceInput, 'apiUrl' | 'namespaces' | 'labelSelector' | 'token' | 'tls'>;

/**
 * The columns an update writes on a kubernetes resource. What decides where the token goes or
 * what it must allow (URL, token, CA, namespaces) is checked against the cluster as it will be
 * saved; a rename or a tighter access rule is not, so it works while the cluster is down. A
 * new API server URL drops the stored token (it would be sent to the new server): the update
 * must give the token again.
 */
export async function kubernetesUpdateColumns(
  existing: Resource,
  data: UpdateData,
): Promise<{ settings: { kubernetes: KubernetesSettings }; tls: ResourceTls; host: string; port: number; token?: string; isTargetChanged: boolean }> {
  const before = existing.settings?.kubernetes;
  if (!before) throw new AppError('CONFLICT', { userMessage: 'This resource has no Kubernetes settings.' });
  const settings: KubernetesSettings = {
    apiUrl: data.apiUrl ?? before.apiUrl,
    namespaces: data.namespaces ?? before.namespaces,
    labelSelector: data.labelSelector ?? before.labelSelector,
  };
  const isTargetChanged = settings.apiUrl !== before.apiUrl;
  const ca = data.tls ? data.tls.ca?.trim() || undefined : existing.tls?.ca;
  const tls: ResourceTls = { mode: 'verify-full', ...(ca ? { ca } : {}) };
  const { host, port } = hostAndPort(settings.apiUrl);
  const isClusterChanged =
    isTargetChanged || data.token !== undefined || ca !== existing.tls?.ca || settings.namespaces.join(',') !== before.namespaces.join(',');
  if (isClusterChanged) {
    const token = data.token ?? (isTargetChanged ? undefined : openCredentials(existing.id, existing.credentials).token);
    if (!token) {
      const message = 'Enter the service-account token again: it is only sent to the API server it was saved for.';
      throw new AppError('VALIDATION', { userMessage: message, fields: { token: [message] } });
    }
    await checkKubernetesOnSave({ apiUrl: settings.apiUrl, host, port, ca, token }, settings.namespaces);
  }
  return { settings: { kubernetes: settings }, tls, host, port, token: data.token, isTargetChanged };
}
