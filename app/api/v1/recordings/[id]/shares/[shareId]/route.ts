import { withApi } from '@/server/api/with-api';
import { revokeShare } from '@/server/sharing/revoke-share';

export const DELETE = withApi(({ actor, params }) => revokeShare({ actor, recordingId: params.id ?? '', shareId: params.shareId ?? '' }));
