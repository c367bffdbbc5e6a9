import { readJson, withApi } from '@/server/api/with-api';
import { deleteSnippet } from '@/server/snippets/delete-snippet';
import { getSnippet } from '@/server/snippets/get-snippet';
import { updateSnippet } from '@/server/snippets/update-snippet';
import { snippetUpdate } from '@/server/snippets/snippet-schemas';

export const GET = withApi(({ actor, params }) => getSnippet({ actor, snippetId: params.id ?? '' }));
export const PATCH = withApi(async ({ actor, params, req }) =>
  updateSnippet({ actor, snippetId: params.id ?? '', input: snippetUpdate.parse(await readJson(req)) }),
);
export const DELETE = withApi(({ actor, params }) => deleteSnippet({ actor, snippetId: params.id ?? '' }));
