import { withApi } from '@/server/api/with-api';
import { searchRecording } from '@/server/search/search-recording';

export const GET = withApi(({ req, actor, params }) =>
  searchRecording({ actor, recordingId: params.id ?? '', query: Object.fromEntries(new URL(req.url).searchParams) }),
);
