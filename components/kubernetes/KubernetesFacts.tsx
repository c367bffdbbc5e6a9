/** A Kubernetes resource's rows in the resource page's facts: where the cluster is and which pods are in scope. */
export function KubernetesFacts({ settings }: { settings: { apiUrl: string; namespaces: string[]; labelSelector: string } | null }) {
  return (
    <>
      <dt className="text-zinc-500">API server</dt>
      <dd className="font-mono text-xs break-all">{settings?.apiUrl ?? 'not set'}</dd>
      <dt className="text-zinc-500">Namespaces</dt>
      <dd className="font-mono text-xs break-all">
        {settings?.namespaces.length ? settings.namespaces.join(', ') : <span className="font-sans text-zinc-400">every namespace the token may list</span>}
      </dd>
      <dt className="text-zinc-500">Pods</dt>
      <dd className="font-mono text-xs break-all">
        {settings?.labelSelector ? settings.labelSelector : <span className="font-sans text-zinc-400">every pod in those namespaces</span>}
      </dd>
    </>
  );
}
