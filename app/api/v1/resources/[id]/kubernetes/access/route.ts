import { withApi } from '@/server/api/with-api';
import { getKubernetesAccess } from '@/server/resources/kubernetes-get-access';

/** What the stored token may do in the resource's scope, asked of the cluster now. */
export const GET = withApi(({ actor, params }) => getKubernetesAccess({ actor, resourceId: params.id ?? '' }), { roles: ['admin'] });
