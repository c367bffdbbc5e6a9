import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordings, type Recording } from '@/db/recording-schema';
import { sessions, users, type Session, type User } from '@/db/schema';
import { canSeeAll, type Actor } from '../actor/actor';
import { AppError } from '../errors/app-error';
import { isUuid } from '@/lib/uuid/is-uuid';
import { findLiveShare, type RecordingAccess } from './share-access';

export type RecordingRow = { recording: Recording; session: Session; user: User };

export async function findRecording(id: string): Promise<RecordingRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db()
    .select({ recording: recordings, session: sessions, user: users })
    .from(recordings)
    .innerJoin(sessions, eq(sessions.id, recordings.id))
    .innerJoin(users, eq(users.id, recordings.userId))
    .where(eq(recordings.id, id));
  return row;
}

export function canViewRecording(actor: Actor, recording: Pick<Recording, 'userId'>): boolean {
  return recording.userId === actor.id || canSeeAll(actor);
}

/** The owner, auditors and admins see a recording; to anyone else it does not exist (404). */
export async function requireVisibleRecording(actor: Actor, id: string): Promise<RecordingRow> {
  const row = await findRecording(id);
  if (!row || !canViewRecording(actor, row.recording)) throw new AppError('NOT_FOUND', { userMessage: 'No such recording.' });
  return row;
}

export type ReplayableRecording = RecordingRow & { access: RecordingAccess };

/**
 * What replay, search within a recording and notes use: the owner, auditors and admins, or a
 * reviewer with a live share (`access.range` then bounds what may be served). Everything else
 * (exports, signatures, deletion, sharing) stays with requireVisibleRecording.
 */
export async function requireReplayableRecording(actor: Actor, id: string): Promise<ReplayableRecording> {
  const row = await findRecording(id);
  if (row && canViewRecording(actor, row.recording)) return { ...row, access: { kind: row.recording.userId === actor.id ? 'owner' : 'all' } };
  const share = row ? await findLiveShare(actor.id, id) : undefined;
  if (!row || !share) throw new AppError('NOT_FOUND', { userMessage: 'No such recording.' });
  return { ...row, access: share };
}
