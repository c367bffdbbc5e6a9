import Link from 'next/link';
import { formatCount } from '@/lib/format/count';
import type { ResourceType } from '@/lib/resources/resource-types';
import { replayHref, type SearchHit, type SearchKind, type SearchRecordingGroup } from '@/lib/search/search-types';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { formatClock } from '../replay/replay-format';
import { ResourceTypeIcon, resourceTypeLabel } from '../resources/ResourceTypeIcon';
import { Badge } from '../ui/PageHeader';
import { SearchHitSnippet } from './SearchHitSnippet';

const KIND_LABELS: Record<SearchKind, string> = { command: 'Command', output: 'Output', sql: 'SQL', note: 'Note' };

/** A statement hit in an HTTP recording is an exchange (HTTP consoles index their requests as statements). */
function hitLabel(kind: SearchKind, resourceType: ResourceType): string {
  return kind === 'sql' && resourceType === 'http' ? 'Request' : KIND_LABELS[kind];
}
const KIND_TONES = { command: 'indigo', output: 'zinc', sql: 'emerald', note: 'amber' } as const;

function HitRow({ hit, recordingId, resourceType, query }: { hit: SearchHit; recordingId: string; resourceType: ResourceType; query: string }) {
  const moment = formatClock(hit.t);
  const label = hitLabel(hit.kind, resourceType);
  return (
    <li>
      <Link
        href={replayHref(recordingId, hit.t, query, { showNotes: hit.kind === 'note' })}
        data-testid="search-hit"
        aria-label={`${label} at ${moment}${hit.failed ? ', failed' : ''}: ${hit.snippet}`}
        className="flex items-baseline gap-2 px-3 py-2 hover:bg-zinc-50 focus-visible:bg-zinc-50 dark:hover:bg-zinc-800/60 dark:focus-visible:bg-zinc-800/60"
      >
        <span className="w-16 shrink-0">
          <Badge tone={KIND_TONES[hit.kind]}>{label}</Badge>
        </span>
        <span className="w-12 shrink-0 text-right font-mono text-xs text-indigo-700 tabular-nums dark:text-indigo-300">{moment}</span>
        <span className="min-w-0 flex-1">
          <SearchHitSnippet snippet={hit.snippet} highlights={hit.highlights} />
        </span>
        {hit.failed ? <Badge tone="red">failed</Badge> : null}
      </Link>
    </li>
  );
}

/** "12 hits", or "about 12 hits" when some of the recording's matching blocks were not read. */
const hitTotal = (group: SearchRecordingGroup) => `${group.isHitCountExact ? '' : 'about '}${formatCount(group.hitCount, 'hit')}`;

/** One recording with its hits: where (resource), whose, when, then each hit linking to its moment. */
function RecordingGroup({ group, query, isOwnerShown }: { group: SearchRecordingGroup; query: string; isOwnerShown: boolean }) {
  const more = group.hitCount - group.hits.length;
  const first = group.hits[0];
  return (
    <li data-recording-id={group.recordingId} className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-zinc-100 px-3 py-2 dark:border-zinc-800">
        <ResourceTypeIcon type={group.resourceType} />
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-sm font-medium">
            <Link href={replayHref(group.recordingId, first?.t ?? 0, query)} className="hover:underline">
              {group.resourceName}
            </Link>
            <span className="sr-only"> ({resourceTypeLabel(group.resourceType)})</span>
          </h2>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {isOwnerShown ? `${group.userName} · ` : null}
            <RelativeTime iso={group.startedAt} />
          </p>
        </div>
        <span
          className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400"
          title={group.isHitCountExact ? undefined : 'An estimate: the find bar inside the recording counts them all'}
        >
          {hitTotal(group)}
        </span>
      </div>
      <ol aria-label={`Hits in ${group.resourceName}`} className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {group.hits.map((hit, i) => (
          <HitRow key={`${hit.t}-${i}`} hit={hit} recordingId={group.recordingId} resourceType={group.resourceType} query={query} />
        ))}
      </ol>
      {more > 0 || !group.isHitCountExact ? (
        <Link
          href={replayHref(group.recordingId, first?.t ?? 0, query)}
          className="block border-t border-zinc-100 px-3 py-1.5 text-xs text-indigo-700 hover:underline dark:border-zinc-800 dark:text-indigo-300"
        >
          {group.isHitCountExact ? formatCount(more, { one: 'more hit', other: 'more hits' }) : 'More hits'} in this recording: open it and press Ctrl+F
        </Link>
      ) : null}
    </li>
  );
}

export function SearchResults({ groups, query, isOwnerShown }: { groups: SearchRecordingGroup[]; query: string; isOwnerShown: boolean }) {
  return (
    <ol aria-label="Search results" className="space-y-3">
      {groups.map((group) => (
        <RecordingGroup key={group.recordingId} group={group} query={query} isOwnerShown={isOwnerShown} />
      ))}
    </ol>
  );
}
