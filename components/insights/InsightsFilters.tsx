'use client';

import { useState } from 'react';
import { buttonClass } from '../ui/Button';
import { inputClass } from '../ui/Field';

export type InsightsFilterValues = { period: string; from?: string; to?: string; userId?: string; automated?: string };

const labelClass = 'space-y-1 text-xs font-medium text-zinc-600 dark:text-zinc-400';

/**
 * A plain GET form, so a period (and, for auditors, a person) is a link one can share. The
 * date fields only count for custom dates, so they are enabled only then.
 */
export function InsightsFilters({
  values,
  users,
  viewerId,
}: {
  values: InsightsFilterValues;
  users: { id: string; name: string; email: string }[];
  viewerId: string;
}) {
  const [period, setPeriod] = useState(values.period);
  const isCustom = period === 'custom';
  return (
    <form method="get" aria-label="Choose the period" className="mb-6 flex flex-wrap items-end gap-3">
      {users.length > 1 ? (
        <label className={labelClass}>
          Whose
          <select name="userId" defaultValue={values.userId ?? viewerId} className={`${inputClass} w-auto max-w-64`}>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.id === viewerId ? `Me (${user.name})` : `${user.name} (${user.email})`}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className={labelClass}>
        Period
        <select name="period" value={period} onChange={(event) => setPeriod(event.target.value)} className={`${inputClass} w-auto`}>
          <option value="week">Last 7 days</option>
          <option value="month">Last 30 days</option>
          <option value="custom">Custom dates</option>
        </select>
      </label>
      <label className={labelClass}>
        From (UTC)
        <input
          type="date"
          name="from"
          defaultValue={values.from}
          disabled={!isCustom}
          required={isCustom}
          className={`${inputClass} w-auto disabled:opacity-50`}
        />
      </label>
      <label className={labelClass}>
        To (UTC)
        <input type="date" name="to" defaultValue={values.to} disabled={!isCustom} required={isCustom} className={`${inputClass} w-auto disabled:opacity-50`} />
      </label>
      <label className="flex items-center gap-2 self-center text-sm text-zinc-700 dark:text-zinc-300">
        <input type="checkbox" name="automated" value="false" defaultChecked={values.automated === 'false'} className="h-4 w-4 rounded border-zinc-300" />
        Hide automated sessions
      </label>
      <button type="submit" className={buttonClass('primary')}>
        Show
      </button>
    </form>
  );
}
