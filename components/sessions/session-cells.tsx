import Link from 'next/link';
import { recordingEnding } from '@/components/recordings/recording-ending';
import { Badge } from '@/components/ui/PageHeader';
import { formatDuration } from '@/lib/format/duration';
import { recordingKindOf } from '@/lib/recording/recording-kind';
import type { SessionEndReason } from '@/lib/protocol/terminal-protocol';

/** What these cells read of a session (the server's SessionRow has it all). */
export type SessionRow = {
  id: string;
  status: 'pending' | 'active' | 'ended' | 'interrupted';
  resourceType: string;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  endReason: SessionEndReason | null;
  endMessage: string | null;
};

/** SSH and Kubernetes sessions open a terminal; the others a console. */
const isTerminal = (session: SessionRow) => recordingKindOf(session.resourceType) === 'terminal';
/** The page a session opens on: the terminal, the HTTP console or the SQL console. */
const sessionPage = (session: SessionRow) => `/${recordingKindOf(session.resourceType)}`;

/** A pending session of the viewer's links to its page (it has not connected yet); others show a badge. */
export function SessionState({ session, isMine }: { session: SessionRow; isMine: boolean }) {
  switch (session.status) {
    case 'pending':
      return isMine ? (
        <Link href={`${sessionPage(session)}/${session.id}`} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
          {isTerminal(session) ? 'Open terminal' : 'Open console'}
        </Link>
      ) : (
        <Badge>Not opened</Badge>
      );
    case 'active':
      return <Badge tone="emerald">Live</Badge>;
    case 'ended':
      return <Badge>Ended</Badge>;
    case 'interrupted':
      return <Badge tone="amber">Interrupted</Badge>;
  }
}

/** Why it ended, as its terminal or console said it (empty while it runs). */
export function sessionEndedBecause(session: SessionRow, isOwn: boolean): string {
  if (session.status === 'interrupted') return session.endMessage ?? 'Porthole stopped during the session';
  return recordingEnding({ ...session, kind: recordingKindOf(session.resourceType), sessionStatus: session.status }, isOwn)?.title ?? '';
}

/** How long it ran; open sessions count up to now. */
export function sessionDuration(session: SessionRow): string {
  if (!session.startedAt) return '';
  const end = session.endedAt ? Date.parse(session.endedAt) : Date.now();
  return formatDuration((end - Date.parse(session.startedAt)) / 1000);
}
