import { readJson, withApi } from '@/server/api/with-api';
import { confirmHostKey } from '@/server/resources/confirm-host-key';
import { confirmHostKeyInput } from '@/server/resources/host-key-schemas';
import { fetchResourceHostKey } from '@/server/resources/fetch-resource-host-key';

/** Fetches the key the host presents now and returns its fingerprint; saves nothing. */
export const POST = withApi(({ actor, params }) => fetchResourceHostKey({ actor, resourceId: params.id ?? '' }), { roles: ['admin'] });
/** Pins the key after the admin confirmed its fingerprint. */
export const PUT = withApi(
  async ({ req, actor, params }) => confirmHostKey({ actor, resourceId: params.id ?? '', input: confirmHostKeyInput.parse(await readJson(req)) }),
  { roles: ['admin'] },
);
