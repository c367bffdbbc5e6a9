'use client';

import { Button } from '../ui/Button';
import { DataTable, rowClass, Td, Th } from '../ui/DataTable';
import { RelativeTime } from '../ui/RelativeTime';
import { useKubeGet } from './use-kube-get';

type AccessReview = {
  checkedAt: string;
  namespaces: { name: string; canList: boolean; canExec: boolean }[];
  rules: { verbs: string[]; resources: string[] }[];
};

/**
 * "What this token may do": the cluster's own answer (access reviews run by the token) for
 * each namespace in the resource's scope, so an admin sees a token that lists pods but may not
 * exec into them before an engineer finds out.
 */
export function KubernetesAccessPanel({ resourceId }: { resourceId: string }) {
  const review = useKubeGet<AccessReview>(`/api/v1/resources/${encodeURIComponent(resourceId)}/kubernetes/access`);
  return (
    <section
      aria-labelledby="kube-access-heading"
      data-testid="kube-access"
      data-status={review.status}
      className="space-y-3 rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="kube-access-heading" className="text-sm font-semibold">
            What this token may do
          </h2>
          <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
            {review.status === 'ready' ? (
              <>
                Asked the cluster <RelativeTime iso={review.data.checkedAt} />.
              </>
            ) : (
              'The cluster answers for the token itself, in each namespace of the scope.'
            )}
          </p>
        </div>
        <Button variant="secondary" onClick={review.reload} disabled={review.status === 'loading'}>
          {review.status === 'loading' ? 'Checking…' : 'Check again'}
        </Button>
      </div>
      {review.status === 'error' ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {review.message}
        </p>
      ) : null}
      {review.status === 'ready' ? <AccessTable review={review.data} /> : null}
    </section>
  );
}

function AccessTable({ review }: { review: AccessReview }) {
  if (review.namespaces.length === 0)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-300">
        The token may not list any namespace. Give it list on namespaces, or name the namespaces in the scope.
      </p>
    );
  return (
    <DataTable
      label="Token permissions by namespace"
      head={
        <>
          <Th>Namespace</Th>
          <Th>List pods</Th>
          <Th>Exec</Th>
        </>
      }
    >
      {review.namespaces.map((ns) => (
        <tr key={ns.name} className={rowClass}>
          <Td className="font-mono text-xs">{ns.name}</Td>
          <Td>
            <Allowed value={ns.canList} what={`List pods in ${ns.name}`} />
          </Td>
          <Td>
            <Allowed value={ns.canExec} what={`Exec into pods in ${ns.name}`} />
          </Td>
        </tr>
      ))}
    </DataTable>
  );
}

function Allowed({ value, what }: { value: boolean; what: string }) {
  return (
    <span
      className={value ? 'font-medium text-emerald-700 dark:text-emerald-400' : 'font-medium text-red-700 dark:text-red-400'}
      title={`${what}: ${value ? 'allowed' : 'refused'}`}
    >
      <span aria-hidden>{value ? '✓' : '✗'}</span>
      <span className="sr-only">{value ? 'allowed' : 'refused'}</span>
    </span>
  );
}
