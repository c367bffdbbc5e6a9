import { withApi } from '@/server/api/with-api';
import { downloadResponse, exportRecording } from '@/server/recording/export-recording';

export const GET = withApi(async ({ actor, params }) => downloadResponse(await exportRecording({ actor, recordingId: params.id ?? '', format: 'asciicast' })));
