import type { Resource, SessionTarget } from '@/db/schema';
import { getPod } from '../connectors/kubernetes/kube-api';
import { matchesLabelSelector, parseLabelSelector } from '../connectors/kubernetes/label-selector';
import { AppError } from '../errors/app-error';
import { kubernetesEndpointFor } from '../resources/kubernetes-endpoint-for';
import { kubernetesAppError, kubernetesSettingsOf, requireNamespaceInScope } from '../resources/kubernetes-resource-for';

/**
 * A session's pod must be inside the resource's scope: namespace allowed, pod present and
 * matching the label selector, container one of the pod's. Checked when the session is
 * created and again when the gateway connects (the pod's labels may have changed).
 */
export async function checkKubernetesTarget(resource: Resource, target: SessionTarget): Promise<void> {
  const settings = kubernetesSettingsOf(resource);
  requireNamespaceInScope(settings, target.namespace);
  let pod;
  try {
    pod = await getPod(kubernetesEndpointFor(resource), target.namespace, target.pod);
  } catch (error) {
    throw kubernetesAppError(error);
  }
  if (pod.name !== target.pod || !matchesLabelSelector(parseLabelSelector(settings.labelSelector), pod.labels)) {
    throw new AppError('FORBIDDEN', {
      userMessage: `Pod ${target.namespace}/${target.pod} is outside this resource's scope (label selector ${settings.labelSelector}).`,
    });
  }
  if (!pod.containers.includes(target.container)) {
    throw new AppError('NOT_FOUND', { userMessage: `Pod ${target.namespace}/${target.pod} has no container ${target.container}.` });
  }
}

/** A target is required on kubernetes resources (and checked there), refused on every other type. */
export async function checkSessionTarget(resource: Resource, target: SessionTarget | undefined): Promise<void> {
  if (resource.type !== 'kubernetes') {
    if (target)
      throw new AppError('BAD_REQUEST', { userMessage: 'Only Kubernetes resources take a pod and container.', fields: { target: ['Not for this resource'] } });
    return;
  }
  if (!target) throw new AppError('VALIDATION', { userMessage: 'Choose a namespace, pod and container.', fields: { target: ['Required'] } });
  await checkKubernetesTarget(resource, target);
}
