import { withApi } from '@/server/api/with-api';
import { getEvents } from '@/server/recording/get-events';

export const GET = withApi(({ req, actor, params }) =>
  getEvents({ actor, recordingId: params.id ?? '', query: Object.fromEntries(new URL(req.url).searchParams) }),
);
