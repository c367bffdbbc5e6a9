import type { Role } from '@/db/schema';
import { isUuid } from '@/lib/uuid/is-uuid';
import type { Actor } from '../actor/actor';
import { requireActor } from '../auth/current-user';
import { crossOriginRefusal, hasJsonBodyOrNone, isStateChanging } from '../auth/same-origin';
import { findUnstorableText } from '@/lib/text/unstorable-text';
import { unstorableTextError } from './unstorable-text-error';
import { AppError } from '../errors/app-error';
import { toAppError } from '../errors/to-app-error';

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export type ApiHandler = (args: { req: Request; actor: Actor; params: Record<string, string> }) => unknown;

export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  return Response.json(
    { error: { code: appError.code, message: appError.userMessage, ...(appError.fields ? { fields: appError.fields } : {}) } },
    { status: appError.status, headers: { 'cache-control': 'no-store' } },
  );
}

export type ApiOptions = {
  roles?: Role[];
  status?: number;
  /** Route params that are names, not ids (built-in rule ids); every other param must be a UUID. */
  textParams?: string[];
};

/**
 * A browser session may change something only from Porthole's own pages, with a JSON body
 * labelled as such (see same-origin.ts). API tokens are sent by scripts, never by a browser
 * on its own, so they need neither.
 */
function checkBrowserRequest(req: Request, actor: Actor): void {
  if (actor.via !== 'session' || !isStateChanging(req.method)) return;
  const refusal = crossOriginRefusal(req.headers);
  if (refusal) throw new AppError('CROSS_SITE_REQUEST', { userMessage: refusal });
  if (!hasJsonBodyOrNone(req.headers))
    throw new AppError('CROSS_SITE_REQUEST', { userMessage: 'Send the request body as JSON, with Content-Type: application/json.' });
}

/** Route params, joined; an id that is not a UUID names nothing (and would make PostgreSQL throw). */
async function readParams(context: RouteContext, textParams: string[] = []): Promise<Record<string, string>> {
  const raw = await context.params;
  const params = Object.fromEntries(Object.entries(raw ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v]));
  for (const [name, value] of Object.entries(params)) {
    if (!textParams.includes(name) && !isUuid(value))
      throw new AppError('NOT_FOUND', { userMessage: `No such ${name === 'id' ? 'item' : name.replace(/Id$/, '')}: the id is not valid.` });
  }
  return params;
}

/**
 * Wraps a /api/v1 route handler: authenticates (API token or browser session), checks roles,
 * refuses cross-site browser changes and malformed ids, turns a returned value into JSON and
 * any error into `{ error: { code, message } }`.
 */
export function withApi(handler: ApiHandler, options: ApiOptions = {}) {
  return async (req: Request, context: RouteContext): Promise<Response> => {
    try {
      const actor = await requireActor(...(options.roles ?? []));
      checkBrowserRequest(req, actor);
      const params = await readParams(context, options.textParams);
      const result = await handler({ req, actor, params });
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 204 });
      return Response.json(result, { status: options.status ?? 200, headers: { 'cache-control': 'no-store' } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Reads a JSON body; a body that is not JSON is a validation error, not a crash. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.length > 1_000_000) throw new AppError('BAD_REQUEST', { userMessage: 'The request body is too large.' });
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw new AppError('BAD_REQUEST', { userMessage: 'The request body is not valid JSON.' });
  }
  const field = findUnstorableText(body);
  if (field) throw unstorableTextError(field);
  return body;
}
