/** JSON documents shaped like the real Kubernetes API server's, for the harness to answer with. */

export type KubePod = { namespace: string; name: string; labels?: Record<string, string>; containers: string[]; phase?: 'Running' | 'Pending' };

/** When the harness started: every object's creation time, so `kubectl get` shows a stable AGE. */
const STARTED = new Date().toISOString().replace(/\.\d+Z$/, 'Z');

export type KubeStatus = {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: { name?: string; kind?: string; causes?: { reason: string; message: string }[] };
  code?: number;
};

export function statusFailure(code: number, reason: string, message: string, details?: KubeStatus['details']): KubeStatus {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

export const unauthorized = () => statusFailure(401, 'Unauthorized', 'Unauthorized');

export const notFound = (resource: string, name: string) => statusFailure(404, 'NotFound', `${resource} "${name}" not found`, { name, kind: resource });

function uid(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  const hex = hash.toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${hex}0000`;
}

export function podObject(pod: KubePod) {
  const phase = pod.phase ?? 'Running';
  const running = phase === 'Running';
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name: pod.name,
      namespace: pod.namespace,
      uid: uid(`${pod.namespace}/${pod.name}`),
      resourceVersion: '1',
      creationTimestamp: STARTED,
      labels: pod.labels ?? {},
    },
    spec: { nodeName: 'harness-node', containers: pod.containers.map((name) => ({ name, image: `harness/${name}:latest` })) },
    status: {
      phase,
      podIP: '127.0.0.1',
      startTime: STARTED,
      containerStatuses: pod.containers.map((name) => ({
        name,
        ready: running,
        started: running,
        restartCount: 0,
        image: `harness/${name}:latest`,
        imageID: '',
        state: running ? { running: { startedAt: STARTED } } : { waiting: { reason: 'ContainerCreating' } },
      })),
    },
  };
}

export const podList = (pods: KubePod[]) => ({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: pods.map(podObject) });

export function namespaceList(names: string[]) {
  return {
    kind: 'NamespaceList',
    apiVersion: 'v1',
    metadata: { resourceVersion: '1' },
    items: names.map((name) => namespaceObject(name)),
  };
}

export const namespaceObject = (name: string) => ({
  kind: 'Namespace',
  apiVersion: 'v1',
  metadata: { name, uid: uid(name), resourceVersion: '1', creationTimestamp: STARTED, labels: { 'kubernetes.io/metadata.name': name } },
  spec: { finalizers: ['kubernetes'] },
  status: { phase: 'Active' },
});

const resource = (name: string, kind: string, namespaced: boolean, verbs: string[], extra: Record<string, unknown> = {}) => ({
  name,
  singularName: name.includes('/') ? '' : kind.toLowerCase(),
  namespaced,
  kind,
  verbs,
  ...extra,
});

/** The discovery documents kubectl reads before `get` (legacy discovery, not the aggregated kind). */
export const discovery = {
  version: {
    major: '1',
    minor: '32',
    gitVersion: 'v1.32.0-porthole-harness',
    gitCommit: '',
    gitTreeState: 'clean',
    buildDate: STARTED,
    goVersion: 'go1.23',
    compiler: 'gc',
    platform: 'linux/amd64',
  },
  api: (serverAddress: string) => ({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] }),
  apis: {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [
      {
        name: 'authorization.k8s.io',
        versions: [{ groupVersion: 'authorization.k8s.io/v1', version: 'v1' }],
        preferredVersion: { groupVersion: 'authorization.k8s.io/v1', version: 'v1' },
      },
    ],
  },
  coreV1: {
    kind: 'APIResourceList',
    groupVersion: 'v1',
    resources: [
      resource('namespaces', 'Namespace', false, ['get', 'list'], { shortNames: ['ns'] }),
      resource('pods', 'Pod', true, ['get', 'list'], { shortNames: ['po'], categories: ['all'] }),
      resource('pods/exec', 'PodExecOptions', true, ['create', 'get']),
    ],
  },
  authorizationV1: {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: 'authorization.k8s.io/v1',
    resources: [
      resource('selfsubjectaccessreviews', 'SelfSubjectAccessReview', false, ['create']),
      resource('selfsubjectrulesreviews', 'SelfSubjectRulesReview', false, ['create']),
    ],
  },
};
