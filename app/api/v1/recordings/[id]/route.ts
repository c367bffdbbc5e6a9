import { withApi } from '@/server/api/with-api';
import { getRecording } from '@/server/recording/get-recording';
import { deleteOwnRecording } from '@/server/retention/delete-own-recording';

export const GET = withApi(({ actor, params }) => getRecording({ actor, recordingId: params.id ?? '' }));
export const DELETE = withApi(({ actor, params }) => deleteOwnRecording({ actor, recordingId: params.id ?? '' }));
