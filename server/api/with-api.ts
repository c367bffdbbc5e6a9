import type { Role } from '@/db/schema';
import type { Actor } from '../auth/actor';
import { requireActor } from '../auth/current-user';
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

/**
 * Wraps a /api/v1 route handler: authenticates (API token or browser session), checks roles,
 * turns a returned value into JSON and any error into `{ error: { code, message } }`.
 */
export function withApi(handler: ApiHandler, options: { roles?: Role[]; status?: number } = {}) {
  return async (req: Request, context: RouteContext): Promise<Response> => {
    try {
      const actor = await requireActor(...(options.roles ?? []));
      const rawParams = await context.params;
      const params = Object.fromEntries(Object.entries(rawParams ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v]));
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
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('BAD_REQUEST', { userMessage: 'The request body is not valid JSON.' });
  }
}
