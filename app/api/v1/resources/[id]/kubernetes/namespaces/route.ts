import { withApi } from '@/server/api/with-api';
import { listKubernetesNamespaces } from '@/server/sessions/list-kubernetes-namespaces';

/** The namespaces the engineer may pick (anyone who may open a session on the resource now). */
export const GET = withApi(({ actor, params }) => listKubernetesNamespaces({ actor, resourceId: params.id ?? '' }));
