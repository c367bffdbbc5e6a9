import { formText as text } from '@/lib/form-data';

/** The Kubernetes form's own fields, so the server's errors on them show beside them. */
export const KUBERNETES_FIELDS = ['apiUrl', 'token', 'namespaces', 'labelSelector'] as const;

/** "web, payments  jobs" → ["web", "payments", "jobs"] */
export function parseNamespaces(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

/** The common fields without host, port and user: a cluster's come from its API server URL and token. */
export function withoutConnection<T extends { host: string; port: string; username: string }>({
  host,
  port,
  username,
  ...rest
}: T): Omit<T, 'host' | 'port' | 'username'> {
  return rest;
}

/** The cluster and scope fields as the create input wants them; zod validates every value. */
export function kubernetesCreateFields(form: FormData) {
  return {
    apiUrl: text(form, 'apiUrl'),
    // The server always verifies the API server (with this CA, or the system's): a token never goes to a server posing as the cluster.
    tls: { mode: 'verify-full' as const, ca: text(form, 'ca') },
    token: text(form, 'token'),
    namespaces: parseNamespaces(text(form, 'namespaces')),
    labelSelector: text(form, 'labelSelector'),
  };
}

/** The same for an edit: an empty token keeps the stored one. */
export function kubernetesUpdateFields(form: FormData) {
  return { ...kubernetesCreateFields(form), token: text(form, 'token') || undefined };
}
