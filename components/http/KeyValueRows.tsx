'use client';

import { newRow, type KeyValueRow } from './request-draft';

const input =
  'min-w-0 rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-xs text-zinc-900 placeholder:text-zinc-400 focus:border-indigo-500 focus:outline-none dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100';

/**
 * Name/value rows (query parameters or headers): edit in place, remove one, add one. A row
 * without a name is not sent. `noun` names the rows for labels ("Header 2 name").
 */
export function KeyValueRows({
  rows,
  noun,
  namePlaceholder,
  onChange,
  onSend,
}: {
  rows: KeyValueRow[];
  noun: string;
  namePlaceholder: string;
  onChange: (rows: KeyValueRow[]) => void;
  onSend: () => void;
}) {
  const update = (id: string, patch: Partial<KeyValueRow>) => onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSend();
    }
  };
  return (
    <div className="space-y-1.5 p-3">
      {rows.length === 0 ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">No {noun.toLowerCase()}s yet. Add one to send it with the request.</p>
      ) : null}
      {rows.map((row, i) => (
        <div key={row.id} className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] items-center gap-1.5">
          <input
            aria-label={`${noun} ${i + 1} name`}
            value={row.key}
            placeholder={namePlaceholder}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => update(row.id, { key: e.target.value })}
            onKeyDown={onKeyDown}
            className={input}
          />
          <input
            aria-label={`${noun} ${i + 1} value`}
            value={row.value}
            placeholder="value"
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => update(row.id, { value: e.target.value })}
            onKeyDown={onKeyDown}
            className={input}
          />
          <button
            type="button"
            aria-label={`Remove ${noun.toLowerCase()} ${i + 1}`}
            onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
            className="rounded px-1.5 py-1 text-sm text-zinc-500 hover:bg-zinc-100 hover:text-red-600 dark:hover:bg-zinc-800"
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange([...rows, newRow()])}
        className="rounded px-1.5 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950"
      >
        + Add {noun.toLowerCase()}
      </button>
    </div>
  );
}
