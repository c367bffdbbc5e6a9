import { z } from 'zod';
import type { Actor } from '../actor/actor';
import { listPods } from '../connectors/kubernetes/kube-api';
import { matchesLabelSelector, parseLabelSelector } from '../connectors/kubernetes/label-selector';
import { kubernetesEndpointFor } from '../resources/kubernetes-endpoint-for';
import { kubernetesAppError, requireNamespaceInScope } from '../resources/kubernetes-resource-for';
import { namespaceName } from '../resources/kubernetes-resource-schemas';
import { requireUsableKubernetesResource } from './require-usable-kubernetes-resource';

export const kubernetesPodsQuery = z.object({ namespace: namespaceName });
export const kubernetesPodView = z.object({ name: z.string(), phase: z.string(), containers: z.array(z.string()) });
export type KubernetesPodView = z.infer<typeof kubernetesPodView>;

/**
 * The pods of one namespace that match the resource's label selector. The selector is sent to
 * the API server and checked again here, so a server that ignores it cannot widen the scope.
 */
export async function listKubernetesPods({
  actor,
  resourceId,
  query,
}: {
  actor: Actor;
  resourceId: string;
  query: unknown;
}): Promise<{ pods: KubernetesPodView[] }> {
  const { namespace } = kubernetesPodsQuery.parse(query);
  const { resource, settings } = await requireUsableKubernetesResource(actor, resourceId);
  requireNamespaceInScope(settings, namespace);
  const selector = parseLabelSelector(settings.labelSelector);
  try {
    const pods = await listPods(kubernetesEndpointFor(resource), namespace, settings.labelSelector);
    return {
      pods: pods
        .filter((pod) => pod.namespace === namespace && matchesLabelSelector(selector, pod.labels))
        .map((pod) => ({ name: pod.name, phase: pod.phase, containers: pod.containers }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  } catch (error) {
    throw kubernetesAppError(error);
  }
}
