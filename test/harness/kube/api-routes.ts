import type { IncomingMessage, ServerResponse } from 'node:http';
import { discovery, namespaceList, namespaceObject, notFound, podList, podObject, statusFailure, unauthorized, type KubePod } from './kube-objects';
import { parseLabelSelector } from './label-selector';
import { accessReview, rulesReview, type AllowedScope } from './reviews';
import { wantsTable, podTable } from './pod-table';

export type ApiContext = { pods: KubePod[]; token: string; allowed: AllowedScope; serverAddress: () => string };

export function sendJson(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** The real API server checks the bearer token before anything else and answers 401 with a Status. */
export function isAuthorized(req: IncomingMessage, token: string): boolean {
  return req.headers.authorization === `Bearer ${token}`;
}

export function findPod(pods: KubePod[], namespace: string, name: string): KubePod | undefined {
  return pods.find((pod) => pod.namespace === namespace && pod.name === name);
}

function namespacesOf(pods: KubePod[]): string[] {
  return [...new Set(['default', ...pods.map((pod) => pod.namespace)])].sort();
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function listPods(req: IncomingMessage, res: ServerResponse, context: ApiContext, url: URL, namespace?: string): void {
  let matches: (labels: Record<string, string>) => boolean;
  try {
    matches = parseLabelSelector(url.searchParams.get('labelSelector'));
  } catch (error) {
    sendJson(res, 400, statusFailure(400, 'BadRequest', `unable to parse requirement: ${(error as Error).message}`));
    return;
  }
  const pods = context.pods.filter((pod) => (namespace === undefined || pod.namespace === namespace) && matches(pod.labels ?? {}));
  sendJson(res, 200, wantsTable(req) ? podTable(pods) : podList(pods));
}

function handleGet(req: IncomingMessage, res: ServerResponse, context: ApiContext, url: URL): void {
  const path = url.pathname.replace(/\/+$/, '');
  const fixed: Record<string, unknown> = {
    '/version': discovery.version,
    '/api': discovery.api(context.serverAddress()),
    '/apis': discovery.apis,
    '/api/v1': discovery.coreV1,
    '/apis/authorization.k8s.io/v1': discovery.authorizationV1,
  };
  if (path in fixed) return sendJson(res, 200, fixed[path]);
  if (path === '/api/v1/namespaces') return sendJson(res, 200, namespaceList(namespacesOf(context.pods)));
  if (path === '/api/v1/pods') return listPods(req, res, context, url);
  const namespace = /^\/api\/v1\/namespaces\/([^/]+)$/.exec(path);
  if (namespace) {
    const name = decodeURIComponent(namespace[1]!);
    return namespacesOf(context.pods).includes(name) ? sendJson(res, 200, namespaceObject(name)) : sendJson(res, 404, notFound('namespaces', name));
  }
  const pods = /^\/api\/v1\/namespaces\/([^/]+)\/pods$/.exec(path);
  if (pods) return listPods(req, res, context, url, decodeURIComponent(pods[1]!));
  const pod = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)$/.exec(path);
  if (pod) {
    const found = findPod(context.pods, decodeURIComponent(pod[1]!), decodeURIComponent(pod[2]!));
    return found ? sendJson(res, 200, podObject(found)) : sendJson(res, 404, notFound('pods', decodeURIComponent(pod[2]!)));
  }
  sendJson(res, 404, statusFailure(404, 'NotFound', 'the server could not find the requested resource'));
}

async function handlePost(req: IncomingMessage, res: ServerResponse, context: ApiContext, url: URL): Promise<void> {
  const reviews: Record<string, (body: unknown, allowed: AllowedScope) => unknown> = {
    '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews': rulesReview,
    '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews': accessReview,
  };
  const review = reviews[url.pathname];
  if (!review) return sendJson(res, 405, statusFailure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'));
  // JSON only (no protobuf): client-go retries a 415 in JSON, as it must for CRDs.
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.startsWith('application/json'))
    return sendJson(
      res,
      415,
      statusFailure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json`),
    );
  const body = await readJson(req);
  if (!body || typeof body !== 'object') return sendJson(res, 400, statusFailure(400, 'BadRequest', 'the request body is not a JSON object'));
  sendJson(res, 201, review(body, context.allowed));
}

/** Plain (non-upgrade) requests: discovery, lists, gets and the two self-reviews. */
export async function handleApiRequest(req: IncomingMessage, res: ServerResponse, context: ApiContext): Promise<void> {
  if (!isAuthorized(req, context.token)) return sendJson(res, 401, unauthorized());
  const url = new URL(req.url ?? '/', 'https://127.0.0.1');
  if (req.method === 'GET') return handleGet(req, res, context, url);
  if (req.method === 'POST') return handlePost(req, res, context, url);
  sendJson(res, 405, statusFailure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'));
}
