import { withApi } from '@/server/api/with-api';
import { listKubernetesPods } from '@/server/sessions/list-kubernetes-pods';

/** `?namespace=ns`: that namespace's pods matching the resource's label selector. */
export const GET = withApi(({ req, actor, params }) =>
  listKubernetesPods({ actor, resourceId: params.id ?? '', query: Object.fromEntries(new URL(req.url).searchParams) }),
);
