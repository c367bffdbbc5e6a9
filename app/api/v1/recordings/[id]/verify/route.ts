import { withApi } from '@/server/api/with-api';
import { verifyRecording } from '@/server/recording/verify-recording-access';

export const GET = withApi(({ actor, params }) => verifyRecording({ actor, recordingId: params.id ?? '' }));
