import { canSeeAll, type Actor } from '../../actor/actor';

/**
 * Who sees a note: its author; once shared, whoever may replay the recording, except that a
 * reviewer (someone it was shared with) sees the owner's shared notes and their own, not other
 * reviewers': a reviewer's notes are for the owner ("shared with the owner"), and auditors and
 * admins, who see everything.
 */
export function canSeeNote(note: { authorId: string; isShared: boolean }, actor: Pick<Actor, 'id' | 'roles'>, recordingOwnerId: string): boolean {
  if (note.authorId === actor.id) return true;
  if (!note.isShared) return false;
  return canSeeAll(actor) || recordingOwnerId === actor.id || note.authorId === recordingOwnerId;
}
