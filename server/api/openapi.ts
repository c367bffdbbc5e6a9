import { z } from 'zod';
import { accessOperations } from '../access/access-operations';
import { TOTAL_COUNT_HEADER } from './paged-response';
import { insightsOperations } from '../insights/insights-operations';
import { maskingOperations } from '../masking/rules-store/masking-operations';
import { recordingOperations } from '../recording/recording-operations';
import { retentionOperations } from '../retention/retention-operations';
import { searchOperations } from '../search/search-operations';
import { sharingOperations } from '../sharing/sharing-operations';
import { sqlOperations } from '../sql/sql-operations';
import { confirmHostKeyInput, hostKeyCheckView } from '../resources/host-key-schemas';
import { createResourceInput, resourceListQuery, resourceView, updateResourceInput } from '../resources/resource-schemas';
import { snippetOperations } from '../snippets/snippet-operations';
import { kubernetesOperations } from '../sessions/kubernetes-operations';
import {
  createSessionInput,
  sessionListQuery,
  sessionTicketView,
  sessionView,
  terminatedSessionView,
  terminateSessionInput,
} from '../sessions/session-schemas';
import { createdTokenView, createTokenInput, tokenView } from '../tokens/token-schemas';
import { createUserInput, updateUserInput, userView } from '../users/user-schemas';
import { webhookOperations } from '../webhooks/webhook-operations';

/**
 * The OpenAPI document is generated from the same zod schemas that validate requests, so the
 * two cannot drift. Each later feature adds its operations to this list.
 */
type Operation = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  roles?: string;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  status?: number;
  /** Answers without authentication (published public keys). */
  isPublic?: boolean;
  /** A list a page at a time: its total across pages is in `X-Total-Count` (see paged-response.ts). */
  isPaged?: boolean;
};

export const operations: Operation[] = [
  { method: 'get', path: '/me', summary: 'The signed-in user', tag: 'Account', response: userView },
  { method: 'get', path: '/tokens', summary: 'My API tokens', tag: 'Account', response: z.array(tokenView) },
  {
    method: 'post',
    path: '/tokens',
    summary: 'Create an API token (the secret is returned once)',
    tag: 'Account',
    body: createTokenInput,
    response: createdTokenView,
    status: 201,
  },
  { method: 'delete', path: '/tokens/{id}', summary: 'Revoke one of my API tokens', tag: 'Account', status: 204 },
  { method: 'get', path: '/users', summary: 'List users', tag: 'Users', roles: 'admin', response: z.array(userView) },
  { method: 'post', path: '/users', summary: 'Create a user', tag: 'Users', roles: 'admin', body: createUserInput, response: userView, status: 201 },
  { method: 'get', path: '/users/{id}', summary: 'Get a user', tag: 'Users', roles: 'admin', response: userView },
  {
    method: 'patch',
    path: '/users/{id}',
    summary:
      'Rename, re-role, disable or enable a user; disabling ends their live sessions (user_disabled) and revokes their grants, a role change ends sessions the new roles no longer allow',
    tag: 'Users',
    roles: 'admin',
    body: updateUserInput,
    response: userView,
  },
  {
    method: 'get',
    path: '/resources',
    summary: 'The resource catalogue (never credentials)',
    tag: 'Resources',
    query: resourceListQuery,
    response: z.array(resourceView),
  },
  {
    method: 'post',
    path: '/resources',
    summary: 'Create a resource',
    tag: 'Resources',
    roles: 'admin',
    body: createResourceInput,
    response: resourceView,
    status: 201,
  },
  { method: 'get', path: '/resources/{id}', summary: 'Get a resource', tag: 'Resources', response: resourceView },
  {
    method: 'patch',
    path: '/resources/{id}',
    summary:
      'Update a resource (omitted credentials are kept, except that changing host, port, username or database clears the stored secret and pinned host key)',
    tag: 'Resources',
    roles: 'admin',
    body: updateResourceInput,
    response: resourceView,
  },
  {
    method: 'delete',
    path: '/resources/{id}',
    summary: 'Delete a resource; its live sessions end (resource_deleted)',
    tag: 'Resources',
    roles: 'admin',
    status: 204,
  },
  {
    method: 'post',
    path: '/resources/{id}/host-key',
    summary: 'Fetch the SSH host key the resource presents now (nothing is saved)',
    tag: 'Resources',
    roles: 'admin',
    response: hostKeyCheckView,
  },
  {
    method: 'put',
    path: '/resources/{id}/host-key',
    summary: 'Pin the SSH host key after confirming its fingerprint (refetched and compared)',
    tag: 'Resources',
    roles: 'admin',
    body: confirmHostKeyInput,
    response: hostKeyCheckView,
  },
  {
    method: 'get',
    path: '/sessions',
    summary: "Sessions, newest first: mine, or everyone's for admins and auditors; `limit` per page, `page` from 1 for older ones",
    tag: 'Sessions',
    query: sessionListQuery,
    response: z.array(sessionView),
    isPaged: true,
  },
  {
    method: 'post',
    path: '/sessions',
    summary:
      'Start a session (a terminal on SSH resources, a SQL console on databases); wsUrl carries a single-use ticket valid for 30 s (terminals: append &cols=&rows= for the initial size)',
    tag: 'Sessions',
    body: createSessionInput,
    response: sessionTicketView,
    status: 201,
  },
  { method: 'get', path: '/sessions/{id}', summary: 'Get a session (owner, admins, auditors)', tag: 'Sessions', response: sessionView },
  {
    method: 'post',
    path: '/sessions/{id}/ticket',
    summary: 'A fresh socket ticket for my session that has not connected yet',
    tag: 'Sessions',
    response: sessionTicketView,
  },
  {
    method: 'post',
    path: '/sessions/{id}/terminate',
    summary:
      'End a live session with a reason (≤ 500 characters); the user reads "Session terminated by <name>: <reason>", the recording and audit log keep it',
    tag: 'Sessions',
    roles: 'admin, auditor',
    body: terminateSessionInput,
    response: terminatedSessionView,
  },
  {
    method: 'post',
    path: '/sessions/{id}/watch-ticket',
    summary:
      "A single-use ticket (wsUrl, 30 s) for the read-only watch socket of another user's live session: a terminal's current screen then its masked output, or a SQL console's statements and outcomes (masked, no rows) so far then live",
    tag: 'Sessions',
    roles: 'admin, auditor',
    response: sessionTicketView,
  },
  ...accessOperations,
  ...recordingOperations,
  ...retentionOperations,
  ...searchOperations,
  ...sharingOperations,
  ...insightsOperations,
  ...snippetOperations,
  ...maskingOperations,
  ...sqlOperations,
  ...kubernetesOperations,
  ...webhookOperations,
];

const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.array(z.string())).optional() }),
});

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });
}

function queryParameters(schema: z.ZodType) {
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, propertySchema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: propertySchema,
  }));
}

const TOTAL_COUNT = {
  [TOTAL_COUNT_HEADER]: { description: 'How many items the list has across all its pages (with the same filters)', schema: { type: 'integer', minimum: 0 } },
};

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }));
    const status = String(op.status ?? 200);
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      tags: [op.tag],
      ...(op.roles ? { description: `Requires the \`${op.roles}\` role.` } : {}),
      ...(op.isPublic ? { security: [] } : {}),
      parameters: [...pathParams, ...(op.query ? queryParameters(op.query) : [])],
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } } : {}),
      responses: {
        [status]: op.response
          ? {
              description: 'OK',
              ...(op.isPaged ? { headers: TOTAL_COUNT } : {}),
              content: { 'application/json': { schema: jsonSchema(op.response, 'output') } },
            }
          : { description: 'Done' },
        default: { description: 'Error', content: { 'application/json': { schema: jsonSchema(errorSchema, 'output') } } },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Porthole API', version: '1', description: 'Authenticate with a browser session or `Authorization: Bearer <API token>`.' },
    servers: [{ url: `${serverUrl}/api/v1` }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
