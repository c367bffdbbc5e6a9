import { z } from 'zod';
import { ConnectorError } from '../connector-error';
import type { KubeEndpoint } from './kube-endpoint';
import { kubeRequest } from './kube-request';

/** The parts of the API's objects Porthole reads; anything else the server sends is ignored. */
const podSchema = z.object({
  metadata: z.object({ name: z.string(), namespace: z.string().optional(), labels: z.record(z.string(), z.string()).optional() }),
  spec: z.object({ containers: z.array(z.object({ name: z.string() })) }).optional(),
  status: z.object({ phase: z.string().optional() }).optional(),
});
const podList = z.object({ items: z.array(podSchema) });
const namespaceList = z.object({ items: z.array(z.object({ metadata: z.object({ name: z.string() }) })) });
const rulesReview = z.object({
  status: z
    .object({
      resourceRules: z
        .array(z.object({ verbs: z.array(z.string()).default([]), resources: z.array(z.string()).default([]), apiGroups: z.array(z.string()).default([]) }))
        .default([]),
      incomplete: z.boolean().optional(),
    })
    .default({ resourceRules: [] }),
});
const accessReview = z.object({ status: z.object({ allowed: z.boolean().default(false) }).default({ allowed: false }) });

export type KubePod = { name: string; namespace: string; labels: Record<string, string>; phase: string; containers: string[] };
export type KubeRule = { verbs: string[]; resources: string[]; apiGroups: string[] };

const enc = encodeURIComponent;

/** A foreign server's JSON, read with the schema; an answer of another shape is a clear connector error. */
function answer<T>(schema: z.ZodType<T>, json: unknown, what: string): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ConnectorError('connect_failed', `The Kubernetes API server's answer to ${what} is not what Kubernetes sends.`);
  return parsed.data;
}

function toPod(item: z.infer<typeof podSchema>, namespace: string): KubePod {
  return {
    name: item.metadata.name,
    namespace: item.metadata.namespace ?? namespace,
    labels: item.metadata.labels ?? {},
    phase: item.status?.phase ?? 'Unknown',
    containers: (item.spec?.containers ?? []).map((c) => c.name),
  };
}

export async function listNamespaces(endpoint: KubeEndpoint): Promise<string[]> {
  const json = await kubeRequest(endpoint, { method: 'GET', path: '/api/v1/namespaces', what: 'list namespaces' });
  return answer(namespaceList, json, 'list namespaces').items.map((item) => item.metadata.name);
}

export async function listPods(endpoint: KubeEndpoint, namespace: string, labelSelector: string): Promise<KubePod[]> {
  const query = labelSelector ? `?labelSelector=${enc(labelSelector)}` : '';
  const json = await kubeRequest(endpoint, {
    method: 'GET',
    path: `/api/v1/namespaces/${enc(namespace)}/pods${query}`,
    what: `list pods in namespace ${namespace}`,
  });
  return answer(podList, json, 'list pods').items.map((item) => toPod(item, namespace));
}

export async function getPod(endpoint: KubeEndpoint, namespace: string, name: string): Promise<KubePod> {
  const json = await kubeRequest(endpoint, { method: 'GET', path: `/api/v1/namespaces/${enc(namespace)}/pods/${enc(name)}`, what: `pod ${namespace}/${name}` });
  return toPod(answer(podSchema, json, 'get a pod'), namespace);
}

/** What the token may do in a namespace, as the API server lists it (SelfSubjectRulesReview). */
export async function reviewRules(endpoint: KubeEndpoint, namespace: string): Promise<KubeRule[]> {
  const json = await kubeRequest(endpoint, {
    method: 'POST',
    path: '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews',
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace } },
    what: `review the token's rules in namespace ${namespace}`,
  });
  return answer(rulesReview, json, 'a rules review').status.resourceRules;
}

/** Whether the token may do one thing (SelfSubjectAccessReview): the authoritative answer, rules lists may be incomplete. */
export async function mayDo(endpoint: KubeEndpoint, attributes: { namespace: string; verb: string; resource: string; subresource?: string }): Promise<boolean> {
  const json = await kubeRequest(endpoint, {
    method: 'POST',
    path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: attributes } },
    what: `review the token's access in namespace ${attributes.namespace}`,
  });
  return answer(accessReview, json, 'an access review').status.allowed;
}
