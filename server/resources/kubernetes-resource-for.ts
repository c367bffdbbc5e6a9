import type { KubernetesSettings, Resource } from '@/db/schema';
import { ConnectorError } from '../connectors/connector-error';
import { KubeApiError } from '../connectors/kubernetes/kube-errors';
import { AppError } from '../errors/app-error';

/** A kubernetes resource's settings, or a clear refusal for any other resource. */
export function kubernetesSettingsOf(resource: Resource): KubernetesSettings {
  const settings = resource.settings?.kubernetes;
  if (resource.type !== 'kubernetes' || !settings) throw new AppError('BAD_REQUEST', { userMessage: 'This resource is not a Kubernetes cluster.' });
  return settings;
}

/** A namespace outside a scoped resource's list is refused (an empty scope allows what the token may list). */
export function requireNamespaceInScope(settings: KubernetesSettings, namespace: string): void {
  if (settings.namespaces.length > 0 && !settings.namespaces.includes(namespace)) {
    throw new AppError('FORBIDDEN', { userMessage: `Namespace ${namespace} is outside this resource's scope.` });
  }
}

/** A connector failure as the client sees it: the cluster's answer in words, never a stack. */
export function kubernetesAppError(error: unknown): unknown {
  if (!(error instanceof ConnectorError)) return error;
  if (error instanceof KubeApiError && error.status === 404) return new AppError('NOT_FOUND', { userMessage: error.userMessage });
  return new AppError('UNAVAILABLE', { userMessage: error.userMessage });
}
