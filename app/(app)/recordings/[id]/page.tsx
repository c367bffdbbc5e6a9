import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { IntegrityBadge } from '@/components/replay/IntegrityBadge';
import { RecordingStatusBadge } from '@/components/replay/RecordingStatusBadge';
import { ReplayScreen } from '@/components/replay/ReplayScreen';
import { ExportMenu } from '@/components/replay/ExportMenu';
import { SqlReplayScreen } from '@/components/sql/SqlReplayScreen';
import { HttpReplayScreen } from '@/components/replay/http/HttpReplayScreen';
import type { NoteActions } from '@/components/notes/NotesPanel';
import { parseTimeParam } from '@/components/replay/replay-format';
import { recordingFigures } from '@/lib/recording/recording-figures';
import { formatDuration } from '@/lib/format/duration';
import { formatSessionTarget } from '@/lib/format/session-target';
import { SEARCH_QUERY_MAX } from '@/lib/search/search-types';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { AppError } from '@/server/errors/app-error';
import { listAnnotations } from '@/server/recording/annotations/list-annotations';
import { getRecording } from '@/server/recording/get-recording';
import { getRecordingSignature } from '@/server/recording/signing/get-recording-signature';
import { deleteNoteAction, saveNoteAction } from './actions';
import { deleteRecordingAction, liftRecordingHoldAction, placeRecordingHoldAction } from './retention-actions';
import { RecordingRetentionPanel } from '@/components/retention/RecordingRetentionPanel';
import { canSeeAll } from '@/server/actor/actor';
import { recordingRetention } from '@/server/retention/recording-retention';
import { recordingEnding } from '@/components/recordings/recording-ending';
import type { SessionEnding } from '@/components/terminal/session-ending';
import { RecordingSharesPanel } from '@/components/sharing/RecordingSharesPanel';
import { SharedBanner } from '@/components/sharing/SharedBanner';
import { SHARE_DEFAULT_DAYS, SHARE_MAX_DAYS } from '@/lib/sharing/share-views';
import { listShares } from '@/server/sharing/list-shares';
import { revokeShareAction, shareRecordingAction } from './share-actions';

export const metadata: Metadata = { title: 'Replay' };

export default async function ReplayPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ t?: string; q?: string; view?: string }>;
}) {
  const actor = await requirePageActor();
  const [{ id }, { t, q, view }] = await Promise.all([params, searchParams]);
  const recording = await getRecording({ actor, recordingId: id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  // A reviewer (recording.share) replays and notes; retention, integrity, exports and sharing are the owner's.
  const { share } = recording;
  const [notes, retention, signature, shares] = await Promise.all([
    listAnnotations({ actor, recordingId: id }),
    share ? null : recordingRetention(recording, actor),
    share ? null : getRecordingSignature({ actor, recordingId: id }),
    share ? [] : listShares({ actor, recordingId: id }),
  ]);
  // A reviewer's link to a moment outside the shared range opens at the range's nearest end.
  const rangeStart = share?.rangeStart ?? 0;
  const rangeEnd = Math.min(share?.rangeEnd ?? recording.duration, recording.duration);
  const initialTime = Math.min(recording.duration, Math.max(rangeStart, Math.min(parseTimeParam(t) ?? rangeStart, rangeEnd)));
  // A search hit's link: the query is marked on the replay's screen.
  const initialQuery = typeof q === 'string' ? q.slice(0, SEARCH_QUERY_MAX) : '';
  const noteActions = { save: saveNoteAction.bind(null, id), remove: deleteNoteAction.bind(null, id) };

  return (
    <>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            <Link href="/recordings" className="hover:underline">
              Recordings
            </Link>{' '}
            /
          </p>
          <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold tracking-tight">
            {recording.resourceName}
            <RecordingStatusBadge status={recording.status} />
            {share ? null : <IntegrityBadge recordingId={id} />}
          </h1>
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
            {recording.target ? <span className="font-mono text-xs">{formatSessionTarget(recording.target)} · </span> : null}
            {recording.userName} · <RelativeTime iso={recording.startedAt} /> · {formatDuration(recording.duration)} ·{' '}
            <span data-testid="recording-figures">{recordingFigures(recording).join(' · ')}</span>
            {recording.maskCount > 0 ? ` · ${recording.maskCount} masked` : ''}
          </p>
          {/* A reviewer replays what was shared, not how (or by whom) the session was ended. */}
          {share ? null : <EndingLine ending={recordingEnding(recording, recording.userId === actor.id)} />}
          {recording.status === 'interrupted' || recording.status === 'failed' ? (
            <p className="mt-1 text-sm text-amber-700 dark:text-amber-400">{recording.message}</p>
          ) : null}
          {share ? <SharedBanner share={share} /> : null}
          {retention ? (
            <RecordingSharesPanel
              shares={shares}
              maxDays={SHARE_MAX_DAYS}
              defaultDays={SHARE_DEFAULT_DAYS}
              actions={{ share: shareRecordingAction.bind(null, id), revoke: revokeShareAction.bind(null, id) }}
            />
          ) : null}
          {retention ? (
            <RecordingRetentionPanel
              recordingId={id}
              retention={retention}
              canHold={canSeeAll(actor)}
              isOwner={recording.userId === actor.id}
              actions={{
                placeHold: placeRecordingHoldAction.bind(null, id),
                liftHold: liftRecordingHoldAction.bind(null, id),
                remove: deleteRecordingAction.bind(null, id),
              }}
            />
          ) : null}
        </div>
        {share ? null : <ExportMenu recordingId={id} kind={recording.kind} status={recording.status} signature={signature} />}
      </div>
      <RecordingPlayer {...{ recording, notes, initialTime, initialQuery, noteActions }} showNotes={view === 'notes'} />
    </>
  );
}

/** How the session ended, as its terminal or console said it: "Ended: Session terminated. By Ada: …". */
function EndingLine({ ending }: { ending: SessionEnding | null }) {
  if (!ending) return null;
  const tone = ending.tone === 'error' ? 'text-red-700 dark:text-red-400' : 'text-zinc-500 dark:text-zinc-400';
  return (
    <p className={`mt-1 text-sm ${tone}`} data-testid="recording-ending">
      Ended: {ending.title}
      {ending.detail ? `. ${ending.detail}` : ''}
    </p>
  );
}

type PlayerProps = {
  recording: Awaited<ReturnType<typeof getRecording>>;
  notes: Awaited<ReturnType<typeof listAnnotations>>;
  initialTime: number;
  initialQuery: string;
  noteActions: NoteActions;
  showNotes: boolean;
};

/** The player for the recording's kind: statements and results, HTTP exchanges, or a terminal screen. */
function RecordingPlayer({ recording, notes, initialTime, initialQuery, noteActions, showNotes }: PlayerProps) {
  const props = { recordingId: recording.id, duration: recording.duration, initialTime, highlight: initialQuery, initialNotes: notes, noteActions, showNotes };
  if (recording.kind === 'sql') return <SqlReplayScreen {...props} />;
  if (recording.kind === 'http') return <HttpReplayScreen {...props} />;
  return <ReplayScreen {...{ recording, initialTime, initialQuery, noteActions, showNotes }} initialNotes={notes} />;
}
