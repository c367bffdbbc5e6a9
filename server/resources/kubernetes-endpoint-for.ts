import type { Resource } from '@/db/schema';
import { ConnectorError } from '../connectors/connector-error';
import type { KubeEndpoint } from '../connectors/kubernetes/kube-endpoint';
import { credentialsForConnection } from './credentials-for-connection';
import { hostAndPort } from './kubernetes-resource-schemas';

/** The API server and decrypted token of a kubernetes resource, right before one request or exec (never cached). */
export function kubernetesEndpointFor(resource: Resource): KubeEndpoint {
  const settings = resource.settings?.kubernetes;
  if (resource.type !== 'kubernetes' || !settings) throw new ConnectorError('connect_failed', 'This resource is not a Kubernetes cluster.');
  const { token } = credentialsForConnection(resource);
  if (!token) throw new ConnectorError('credentials_unreadable', 'No service-account token is stored for this resource: an admin must enter it again.');
  return { apiUrl: settings.apiUrl, ...hostAndPort(settings.apiUrl), ca: resource.tls?.ca, token };
}
