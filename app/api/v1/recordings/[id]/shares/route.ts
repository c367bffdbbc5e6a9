import { readJson, withApi } from '@/server/api/with-api';
import { listShares } from '@/server/sharing/list-shares';
import { shareRecording } from '@/server/sharing/share-recording';

export const GET = withApi(({ actor, params }) => listShares({ actor, recordingId: params.id ?? '' }));
export const POST = withApi(async ({ req, actor, params }) => shareRecording({ actor, recordingId: params.id ?? '', input: await readJson(req) }), {
  status: 201,
});
