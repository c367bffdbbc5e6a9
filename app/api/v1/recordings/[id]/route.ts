import { withApi } from '@/server/api/with-api';
import { getRecording } from '@/server/recording/get-recording';

export const GET = withApi(({ actor, params }) => getRecording({ actor, recordingId: params.id ?? '' }));
