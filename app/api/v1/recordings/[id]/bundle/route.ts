import { withApi } from '@/server/api/with-api';
import { downloadResponse } from '@/server/recording/export-recording';
import { exportBundle } from '@/server/recording/signing/export-bundle';

export const GET = withApi(async ({ actor, params }) => downloadResponse(await exportBundle({ actor, recordingId: params.id ?? '' })));
