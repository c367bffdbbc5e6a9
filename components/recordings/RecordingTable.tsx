import Link from 'next/link';
import { formatBytes } from '@/lib/format/bytes';
import { formatCount, formatNumber } from '@/lib/format/count';
import { formatDuration } from '@/lib/format/duration';
import type { RecordingKind } from '@/lib/recording/recording-kind';
import { DataTable, rowClass, Td, Th } from '@/components/ui/DataTable';
import { ElapsedTime } from '@/components/ui/ElapsedTime';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { Badge } from '@/components/ui/PageHeader';
import { RecordingStatusBadge } from '../replay/RecordingStatusBadge';
import { formatSessionTarget, type SessionTargetLike } from '@/lib/format/session-target';
import type { SessionEndReason } from '@/lib/protocol/terminal-protocol';
import { notableRecordingEnding } from './recording-ending';

type Row = {
  id: string;
  userId: string;
  sessionStatus: string;
  endReason: SessionEndReason | null;
  endMessage: string | null;
  startedAt: string;
  userName: string;
  userEmail: string;
  resourceName: string;
  kind: RecordingKind;
  status: 'recording' | 'complete' | 'interrupted' | 'failed';
  duration: number;
  outputBytes: number;
  storedBytes: number;
  commandCount: number;
  indexState: string;
  sql: { statements: number; rows: number; errors: number } | null;
  http?: { exchanges: number; errors: number } | null;
  /** Opened with an API token (a script). */
  isAutomated: boolean;
  /** The pod a Kubernetes session opened. */
  target?: SessionTargetLike;
};

/** Output: a terminal's bytes, a SQL session's rows (returned or affected). */
function OutputCell({ recording }: { recording: Row }) {
  if (recording.sql)
    return (
      <Td className="text-right tabular-nums" title="Rows returned or affected">
        {formatCount(recording.sql.rows, 'row')}
      </Td>
    );
  return (
    <Td className="text-right tabular-nums" title={`${formatBytes(recording.outputBytes)} of output, ${formatBytes(recording.storedBytes)} stored`}>
      {formatBytes(recording.outputBytes)}
    </Td>
  );
}

/** Commands: typed commands, or SQL statements or HTTP exchanges with how many failed. */
function CommandsCell({ recording }: { recording: Row }) {
  const counted = recording.sql
    ? { count: recording.sql.statements, noun: 'statement', errors: recording.sql.errors }
    : recording.http
      ? { count: recording.http.exchanges, noun: 'exchange', errors: recording.http.errors }
      : null;
  if (counted) {
    const { count, noun, errors } = counted;
    return (
      <Td className="text-right tabular-nums" title={`${formatCount(count, noun)}, ${formatCount(errors, 'error')}`}>
        {formatCount(count, noun)}
        {errors > 0 ? <span className="block text-xs text-red-700 dark:text-red-400">{formatCount(errors, 'error')}</span> : null}
      </Td>
    );
  }
  const isIndexing = recording.indexState === 'pending' && recording.status !== 'recording';
  return <Td className="text-right tabular-nums">{isIndexing ? '…' : formatNumber(recording.commandCount)}</Td>;
}

/** The recording's state, and how the session ended when nobody chose it (terminated, revoked, an error). */
function StateCell({ recording, isOwn }: { recording: Row; isOwn: boolean }) {
  const ending = notableRecordingEnding(recording, isOwn);
  return (
    <Td>
      <RecordingStatusBadge status={recording.status} />
      {ending ? (
        <span className="mt-0.5 block max-w-[14rem] truncate text-xs text-zinc-500 dark:text-zinc-400" title={ending.detail ?? ending.title}>
          {ending.title}
        </span>
      ) : null}
    </Td>
  );
}

/** The recordings list: each row opens its replay; SQL sessions are counted in statements and rows, terminals in bytes. */
export function RecordingTable({ recordings, isAuditor, viewerId }: { recordings: Row[]; isAuditor: boolean; viewerId: string }) {
  return (
    <DataTable
      label="Recordings"
      head={
        <>
          <Th>Started</Th>
          {isAuditor ? <Th>User</Th> : null}
          <Th>Resource</Th>
          <Th className="text-right">Duration</Th>
          <Th className="text-right">Output</Th>
          <Th className="text-right">Commands</Th>
          <Th>State</Th>
        </>
      }
    >
      {recordings.map((recording) => (
        <tr key={recording.id} className={rowClass} data-recording-id={recording.id} data-recording-kind={recording.kind}>
          <Td>
            <Link href={`/recordings/${recording.id}`} className="font-medium hover:underline" aria-label={`Replay ${recording.resourceName} session`}>
              <RelativeTime iso={recording.startedAt} />
            </Link>
          </Td>
          {isAuditor ? (
            <Td className="text-zinc-600 dark:text-zinc-300" title={recording.userEmail}>
              {recording.userName}
            </Td>
          ) : null}
          <Td>
            {recording.resourceName}
            {recording.target ? (
              <span className="block font-mono text-xs text-zinc-500 dark:text-zinc-400">{formatSessionTarget(recording.target)}</span>
            ) : null}
            {recording.isAutomated ? (
              <span className="ml-2" title="Opened with an API token (a script)">
                <Badge tone="indigo">Automated</Badge>
              </span>
            ) : null}
          </Td>
          <Td className="text-right tabular-nums">
            {/* A live recording's length is known when it is sealed: until then, how long it has run. */}
            {recording.status === 'recording' ? (
              <ElapsedTime
                since={Date.parse(recording.startedAt)}
                title="Still recording: the session is live"
                label={<span className="sr-only">Live for </span>}
              />
            ) : (
              formatDuration(recording.duration)
            )}
          </Td>
          <OutputCell recording={recording} />
          <CommandsCell recording={recording} />
          <StateCell recording={recording} isOwn={recording.userId === viewerId} />
        </tr>
      ))}
    </DataTable>
  );
}
