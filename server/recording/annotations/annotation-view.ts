import type { Annotation } from '@/db/recording-schema';
import type { Actor } from '../../actor/actor';
import type { AnnotationView } from './annotation-schemas';

export function toAnnotationView(annotation: Annotation, authorName: string, actor: Pick<Actor, 'id'>): AnnotationView {
  return {
    id: annotation.id,
    recordingId: annotation.recordingId,
    authorId: annotation.authorId,
    authorName,
    t: annotation.t,
    endT: annotation.endT,
    body: annotation.body,
    tags: annotation.tags,
    isShared: annotation.isShared,
    isMine: annotation.authorId === actor.id,
    createdAt: annotation.createdAt.toISOString(),
    updatedAt: annotation.updatedAt.toISOString(),
  };
}
