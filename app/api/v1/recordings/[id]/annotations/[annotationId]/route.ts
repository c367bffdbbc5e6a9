import { readJson, withApi } from '@/server/api/with-api';
import { annotationUpdate } from '@/server/recording/annotations/annotation-schemas';
import { deleteAnnotation } from '@/server/recording/annotations/delete-annotation';
import { updateAnnotation } from '@/server/recording/annotations/update-annotation';

export const PATCH = withApi(async ({ req, actor, params }) =>
  updateAnnotation({ actor, recordingId: params.id ?? '', annotationId: params.annotationId ?? '', input: annotationUpdate.parse(await readJson(req)) }),
);
export const DELETE = withApi(({ actor, params }) => deleteAnnotation({ actor, recordingId: params.id ?? '', annotationId: params.annotationId ?? '' }));
