import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { annotations } from '@/db/recording-schema';
import type { Actor } from '../../actor/actor';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { requireOwnAnnotation } from './find-annotation';

export async function deleteAnnotation({ actor, recordingId, annotationId }: { actor: Actor; recordingId: string; annotationId: string }): Promise<void> {
  const current = await requireOwnAnnotation(actor, recordingId, annotationId);
  await db().delete(annotations).where(eq(annotations.id, current.id));
  await recordAuditEvent({ actorId: actor.id, action: 'annotation.delete', targetType: 'recording', targetId: recordingId, data: { annotationId } });
}
