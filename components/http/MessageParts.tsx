'use client';

import { formatBytes } from '@/lib/format/bytes';
import { INJECTED_CREDENTIAL } from '@/lib/protocol/http-protocol';
import { prettyBody } from './response-body';

/** A request's or response's headers, as recorded (masked; the injected credential marked as such). */
export function HeadersTable({ headers, label }: { headers: [string, string][]; label: string }) {
  if (headers.length === 0) return <p className="p-3 text-xs text-zinc-500 dark:text-zinc-400">No headers.</p>;
  return (
    <table aria-label={label} className="w-full table-fixed text-left font-mono text-xs">
      <tbody>
        {headers.map(([name, value], i) => (
          <tr key={`${name}-${i}`} className="border-b border-zinc-100 align-top dark:border-zinc-800">
            <th scope="row" className="w-2/5 px-3 py-1 font-medium break-all text-zinc-600 dark:text-zinc-400">
              {name}
            </th>
            <td
              className={`px-3 py-1 break-all ${value === INJECTED_CREDENTIAL ? 'text-indigo-700 italic dark:text-indigo-300' : 'text-zinc-900 dark:text-zinc-100'}`}
            >
              {value}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type ShownBody = { body: string; bodySize: number; truncated: boolean; bodySha256: string | null };

/** A body, pretty when it is JSON, with a notice when only its start was kept. */
export function BodyView({ message, contentType, label }: { message: ShownBody; contentType?: string; label: string }) {
  if (message.bodySize === 0 && message.body === '') return <p className="p-3 text-xs text-zinc-500 dark:text-zinc-400">Empty body.</p>;
  const { text } = prettyBody(message.body, contentType);
  return (
    <div className="flex min-h-0 flex-col">
      {message.truncated ? (
        <p
          role="note"
          className="border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200"
        >
          Only the first {formatBytes(new TextEncoder().encode(message.body).length)} of {formatBytes(message.bodySize)} are shown and recorded.
          {message.bodySha256 ? (
            <span className="block font-mono break-all opacity-80" title="SHA-256 of the whole body">
              SHA-256 {message.bodySha256}
            </span>
          ) : null}
        </p>
      ) : null}
      <pre
        aria-label={label}
        tabIndex={0}
        className="min-h-0 flex-1 overflow-auto p-3 font-mono text-xs break-all whitespace-pre-wrap text-zinc-900 dark:text-zinc-100"
      >
        {text}
      </pre>
    </div>
  );
}
