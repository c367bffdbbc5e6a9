import { readJson, withApi } from '@/server/api/with-api';
import { createSnippet } from '@/server/snippets/create-snippet';
import { listSnippets } from '@/server/snippets/list-snippets';
import { snippetInput } from '@/server/snippets/snippet-schemas';

export const GET = withApi(({ req, actor }) => listSnippets({ actor, query: Object.fromEntries(new URL(req.url).searchParams) }));
export const POST = withApi(async ({ req, actor }) => createSnippet({ actor, input: snippetInput.parse(await readJson(req)) }), { status: 201 });
