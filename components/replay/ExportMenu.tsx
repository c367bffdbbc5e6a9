import type { RecordingKind } from '@/lib/recording/recording-kind';
import { buttonClass } from '../ui/Button';
import { SignedBundleItem } from './SignedBundleItem';

/** Each kind's downloads: a SQL or HTTP recording has no screen, so no terminal format is offered for it. */
const FORMATS: Record<RecordingKind, [label: string, query: string, hint: string][]> = {
  terminal: [
    ['asciicast v2 (.cast)', 'format=asciicast', 'Plays with asciinema play'],
    ['Text: transcript', 'format=text&mode=transcript', 'Everything printed, without escape codes'],
    ['Text: final screen', 'format=text&mode=screen', 'The last screen with its scrollback'],
    ['JSON', 'format=json', 'Events, commands and notes'],
  ],
  sql: [
    ['SQL script (.sql)', 'format=sql', 'Statements in order; time, rows and errors as comments'],
    ['JSON', 'format=json', 'Statements, results, reviews and notes'],
    ['CSV of results', 'format=csv', 'Every result’s rows, with the statement they came from'],
  ],
  http: [['JSON', 'format=json', 'Exchanges (masked requests and responses) and notes']],
};

/** The replay page's Export menu; every download is masked as recorded and audited. */
export function ExportMenu({
  recordingId,
  kind,
  status,
  signature,
}: {
  recordingId: string;
  kind: RecordingKind;
  status: string;
  signature: { keyId: string } | null;
}) {
  return (
    // ml-auto: wrapped under the title (a phone), the button stays at the right, where its menu opens.
    <details className="relative ml-auto">
      <summary className={buttonClass('secondary', 'cursor-pointer list-none')}>Export</summary>
      <div className="absolute right-0 z-10 mt-1 w-64 rounded-md border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
        {FORMATS[kind].map(([label, query, hint]) => (
          <a
            key={query}
            href={`/api/v1/recordings/${recordingId}/export?${query}`}
            download
            className="block rounded px-2 py-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
          >
            {label}
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">{hint}</span>
          </a>
        ))}
        <SignedBundleItem href={`/api/v1/recordings/${recordingId}/bundle`} status={status} signature={signature} />
      </div>
    </details>
  );
}
