'use client';

import Link from 'next/link';
import { useState } from 'react';
import { DataTable, Td, Th, rowClass } from '@/components/ui/DataTable';
import { PAGE_SIZE } from '@/components/ui/Pagination';
import { Button } from '@/components/ui/Button';
import { inputClass } from '@/components/ui/Field';
import { formatCount } from '@/lib/format/count';
import { MASKING_MODE_TEXT, MASKING_MODES, type ResourceMaskingMode } from './masking-modes';
import type { SetResourceMaskingMode } from './masking-actions';
import { ResourceMaskingModeSelect } from './ResourceMaskingModeSelect';

export type ResourceMaskingRow = { id: string; name: string; typeLabel: string; mode: ResourceMaskingMode };

/** Where masking applies, per resource: on screen and in the recording, or in the recording only. */
export function ResourceMaskingModes({ resources, setMode }: { resources: ResourceMaskingRow[]; setMode: SetResourceMaskingMode }) {
  return (
    <section aria-labelledby="modes-heading" className="space-y-3">
      <div>
        <h2 id="modes-heading" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
          Per-resource mode
        </h2>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          Rules decide what is masked; the mode decides where. Changes apply to sessions that start afterwards.
        </p>
      </div>
      <dl className="grid gap-2 rounded-lg border border-zinc-200 bg-white p-3 text-sm sm:grid-cols-2 dark:border-zinc-800 dark:bg-zinc-900">
        {MASKING_MODES.map((mode) => (
          <div key={mode}>
            <dt className="font-medium">{MASKING_MODE_TEXT[mode].label}</dt>
            <dd className="text-zinc-600 dark:text-zinc-300">{MASKING_MODE_TEXT[mode].description}</dd>
          </div>
        ))}
      </dl>
      {resources.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          No resources yet.{' '}
          <Link href="/admin/resources/new" className="text-indigo-600 underline dark:text-indigo-400">
            Add one
          </Link>
          ; new resources are masked on screen and in the recording.
        </p>
      ) : (
        <ResourceModeList resources={resources} setMode={setMode} />
      )}
    </section>
  );
}

/** The resources with their mode, filtered by name and a page at a time. */
function ResourceModeList({ resources, setMode }: { resources: ResourceMaskingRow[]; setMode: SetResourceMaskingMode }) {
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const needle = query.trim().toLowerCase();
  const matching = needle ? resources.filter((r) => r.name.toLowerCase().includes(needle)) : resources;
  const pageCount = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const current = Math.min(page, pageCount - 1);
  const rows = matching.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const recordingOnly = resources.filter((r) => r.mode === 'recording_only').length;

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {recordingOnly === 0
            ? 'Every resource is masked on screen and in the recording.'
            : `${recordingOnly} of ${formatCount(resources.length, { one: 'resource is', other: 'resources are' })} masked in the recording only.`}
        </p>
        {resources.length > 10 ? (
          <input
            type="search"
            aria-label="Filter resources by name"
            placeholder="Filter by name"
            className={`${inputClass} w-56`}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setPage(0);
            }}
          />
        ) : null}
      </div>
      {matching.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No resource matches “{query}”.</p>
      ) : (
        <DataTable
          label="Masking mode per resource"
          head={
            <>
              <Th>Resource</Th>
              <Th>Type</Th>
              <Th>Masked on</Th>
            </>
          }
        >
          {rows.map((resource) => (
            <tr key={resource.id} className={rowClass}>
              <Td className="font-medium">
                <Link href={`/admin/resources/${resource.id}`} className="hover:text-indigo-600 hover:underline dark:hover:text-indigo-400">
                  {resource.name}
                </Link>
              </Td>
              <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-300">{resource.typeLabel}</Td>
              <Td className="w-80">
                <ResourceMaskingModeSelect resourceId={resource.id} resourceName={resource.name} mode={resource.mode} setMode={setMode} />
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
      {pageCount > 1 ? (
        <nav aria-label="Pagination" className="flex items-center justify-between text-sm text-zinc-500 dark:text-zinc-400">
          <span>
            {current * PAGE_SIZE + 1}–{Math.min((current + 1) * PAGE_SIZE, matching.length)} of {matching.length}
          </span>
          <span className="flex gap-2">
            <Button variant="secondary" disabled={current === 0} onClick={() => setPage(current - 1)}>
              Previous
            </Button>
            <Button variant="secondary" disabled={current === pageCount - 1} onClick={() => setPage(current + 1)}>
              Next
            </Button>
          </span>
        </nav>
      ) : null}
    </>
  );
}
