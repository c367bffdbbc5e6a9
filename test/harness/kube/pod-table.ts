import type { IncomingMessage } from 'node:http';
import { podObject, type KubePod } from './kube-objects';

/** `kubectl get` asks for a server-side `meta.k8s.io/v1 Table` (Accept: application/json;as=Table;...). */
export function wantsTable(req: IncomingMessage): boolean {
  return /as=Table/.test(req.headers.accept ?? '');
}

const columns = [
  { name: 'Name', type: 'string', format: 'name', description: 'Name of the pod', priority: 0 },
  { name: 'Ready', type: 'string', format: '', description: 'Ready containers', priority: 0 },
  { name: 'Status', type: 'string', format: '', description: 'Pod phase', priority: 0 },
  { name: 'Restarts', type: 'string', format: '', description: 'Container restarts', priority: 0 },
  { name: 'Age', type: 'string', format: '', description: 'Time since creation', priority: 0 },
];

export function podTable(pods: KubePod[]) {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: '1' },
    columnDefinitions: columns,
    rows: pods.map((pod) => {
      const running = (pod.phase ?? 'Running') === 'Running';
      const object = podObject(pod);
      return {
        cells: [pod.name, `${running ? pod.containers.length : 0}/${pod.containers.length}`, pod.phase ?? 'Running', '0', '1m'],
        object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata },
      };
    }),
  };
}
