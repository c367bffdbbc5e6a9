import { readJson, withApi } from '@/server/api/with-api';
import { createAnnotation } from '@/server/recording/annotations/create-annotation';
import { listAnnotations } from '@/server/recording/annotations/list-annotations';
import { annotationInput } from '@/server/recording/annotations/annotation-schemas';

export const GET = withApi(({ actor, params }) => listAnnotations({ actor, recordingId: params.id ?? '' }));
export const POST = withApi(
  async ({ req, actor, params }) => createAnnotation({ actor, recordingId: params.id ?? '', input: annotationInput.parse(await readJson(req)) }),
  {
    status: 201,
  },
);
