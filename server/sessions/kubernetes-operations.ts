import { z } from 'zod';
import { kubernetesAccessView } from '../resources/kubernetes-get-access';
import { kubernetesPodsQuery, kubernetesPodView } from './list-kubernetes-pods';

/** The Kubernetes lists and the token review, for the OpenAPI document. */
export const kubernetesOperations = [
  {
    method: 'get',
    path: '/resources/{id}/kubernetes/access',
    summary: "What a Kubernetes resource's token may do in its scope (SelfSubjectRulesReview and SelfSubjectAccessReview, asked now)",
    tag: 'Kubernetes',
    roles: 'admin',
    response: kubernetesAccessView,
  },
  {
    method: 'get',
    path: '/resources/{id}/kubernetes/namespaces',
    summary: "The namespaces a session may open in: the resource's scope, or every namespace the token may list",
    tag: 'Kubernetes',
    response: z.object({ namespaces: z.array(z.string()) }),
  },
  {
    method: 'get',
    path: '/resources/{id}/kubernetes/pods',
    summary: "A namespace's pods that match the resource's label selector, with their containers",
    tag: 'Kubernetes',
    query: kubernetesPodsQuery,
    response: z.object({ pods: z.array(kubernetesPodView) }),
  },
] as const;
