import Link from 'next/link';
import { buttonClass } from '../ui/Button';
import { inputClass } from '../ui/Field';

export const KNOWN_ACTIONS = [
  'request.',
  'request.create',
  'request.approve',
  'request.deny',
  'request.cancel',
  'request.expire',
  'grant.',
  'grant.start',
  'grant.revoke',
  'grant.expire',
  'session.',
  'session.create',
  'session.start',
  'session.end',
  'recording.',
  'policy.update',
  'webhook.',
  'resource.',
  'user.',
  'auth.',
];

export type AuditFilterValues = { actor?: string; resourceId?: string; action?: string; from?: string; to?: string };

/** A plain GET form: filters live in the URL, so a filtered view can be shared and exported. */
export function AuditFilters({ values, resources, exportHref }: { values: AuditFilterValues; resources: { id: string; name: string }[]; exportHref: string }) {
  return (
    <form
      method="get"
      aria-label="Filter the audit log"
      className="mb-4 space-y-3 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <label className="space-y-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Actor
          <input name="actor" defaultValue={values.actor} placeholder="e-mail, name or user id" className={inputClass} />
        </label>
        <label className="space-y-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Resource
          <select name="resourceId" defaultValue={values.resourceId ?? ''} className={inputClass}>
            <option value="">Any resource</option>
            {resources.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Action
          <input name="action" list="audit-actions" defaultValue={values.action} placeholder="e.g. request.approve or grant." className={inputClass} />
          <datalist id="audit-actions">
            {KNOWN_ACTIONS.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </label>
        <label className="space-y-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
          From (UTC)
          <input type="datetime-local" name="from" defaultValue={values.from} className={inputClass} />
        </label>
        <label className="space-y-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
          To (UTC)
          <input type="datetime-local" name="to" defaultValue={values.to} className={inputClass} />
        </label>
      </div>
      <div className="flex justify-end gap-2">
        <button type="submit" className={buttonClass('primary')}>
          Filter
        </button>
        <Link href="/audit" className={buttonClass('ghost')}>
          Clear
        </Link>
        <a href={exportHref} download className={buttonClass('secondary')}>
          Export JSONL
        </a>
      </div>
    </form>
  );
}
