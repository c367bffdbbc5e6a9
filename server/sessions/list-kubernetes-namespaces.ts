import type { Actor } from '../actor/actor';
import { listNamespaces } from '../connectors/kubernetes/kube-api';
import { kubernetesEndpointFor } from '../resources/kubernetes-endpoint-for';
import { kubernetesAppError } from '../resources/kubernetes-resource-for';
import { requireUsableKubernetesResource } from './require-usable-kubernetes-resource';

/** The namespaces an engineer may pick: the resource's scope, or every namespace the token may list when the scope is empty. */
export async function listKubernetesNamespaces({ actor, resourceId }: { actor: Actor; resourceId: string }): Promise<{ namespaces: string[] }> {
  const { resource, settings } = await requireUsableKubernetesResource(actor, resourceId);
  if (settings.namespaces.length > 0) return { namespaces: [...settings.namespaces].sort() };
  try {
    return { namespaces: (await listNamespaces(kubernetesEndpointFor(resource))).sort() };
  } catch (error) {
    throw kubernetesAppError(error);
  }
}
