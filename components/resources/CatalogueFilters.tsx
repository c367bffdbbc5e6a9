'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { RESOURCE_TYPE_LABELS, RESOURCE_TYPES } from '@/lib/resources/resource-types';
import { inputClass } from '../ui/Field';

// Filters sit side by side, so they size to their content instead of the full row.
const filterClass = inputClass.replace('w-full', 'w-auto');

/** Search and filters live in the URL, so a filtered catalogue can be bookmarked and shared. */
export function CatalogueFilters({ tags }: { tags: string[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');

  function update(key: string, value: string) {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}${next.size ? `?${next.toString()}` : ''}`);
  }

  useEffect(() => {
    const timer = setTimeout(() => {
      if ((params.get('q') ?? '') !== q) update('q', q.trim());
    }, 200);
    return () => clearTimeout(timer);
  });

  return (
    <div role="search" className="mb-4 flex flex-wrap gap-2">
      <input
        type="search"
        aria-label="Search resources"
        placeholder="Search by name, host or description"
        value={q}
        onChange={(event) => setQ(event.target.value)}
        // Wide enough for the whole placeholder; the full row on a phone.
        className={inputClass.replace('w-full', 'w-full sm:w-80')}
      />
      <select aria-label="Type" value={params.get('type') ?? ''} onChange={(event) => update('type', event.target.value)} className={filterClass}>
        <option value="">All types</option>
        {RESOURCE_TYPES.map((type) => (
          <option key={type} value={type}>
            {RESOURCE_TYPE_LABELS[type]}
          </option>
        ))}
      </select>
      <select aria-label="Tag" value={params.get('tag') ?? ''} onChange={(event) => update('tag', event.target.value)} className={filterClass}>
        <option value="">All tags</option>
        {tags.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </select>
    </div>
  );
}
