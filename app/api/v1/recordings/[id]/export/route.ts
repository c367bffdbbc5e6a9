import { withApi } from '@/server/api/with-api';
import { downloadResponse, exportRecording } from '@/server/recording/export-recording';
import { exportQuery } from '@/server/recording/recording-schemas';

export const GET = withApi(async ({ req, actor, params }) => {
  const { format, mode, statement } = exportQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return downloadResponse(await exportRecording({ actor, recordingId: params.id ?? '', format, mode, statement }));
});
