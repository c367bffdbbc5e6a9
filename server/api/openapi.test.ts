import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument, operations } from './openapi';

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
};
type OperationObject = {
  summary: string;
  tags: string[];
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { required: boolean; content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<string, { description: string; headers?: Record<string, unknown>; content?: { 'application/json': { schema: JsonSchema } } }>;
};

const document = openApiDocument('https://porthole.example.test');
const operation = (method: string, route: string) => (document.paths[route]?.[method] as OperationObject | undefined) ?? undefined;
const apiDir = path.join(process.cwd(), 'app', 'api', 'v1');

/** Every property name a schema declares, at any depth and in any variant. */
function propertyNames(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  const properties = Object.entries(schema.properties ?? {});
  return [
    ...properties.map(([name]) => name),
    ...properties.flatMap(([, property]) => propertyNames(property)),
    ...[...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].flatMap(propertyNames),
    ...propertyNames(schema.items),
  ];
}

/** The route file that serves an operation: /resources/{id}/host-key → app/api/v1/resources/[id]/host-key/route.ts */
function routeFile(route: string): string {
  return path.join(
    apiDir,
    ...route
      .split('/')
      .filter(Boolean)
      .map((part) => part.replace(/^\{(\w+)\}$/, '[$1]')),
    'route.ts',
  );
}

function exportsMethod(source: string, method: string): boolean {
  const name = method.toUpperCase();
  return (
    new RegExp(`export\\s+(const|async\\s+function|function)\\s+${name}\\b`).test(source) ||
    new RegExp(`export\\s*\\{[^}]*\\bas\\s+${name}\\b[^}]*\\}`).test(source) ||
    new RegExp(`export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`).test(source)
  );
}

describe('OpenAPI document', () => {
  it('is OpenAPI 3.0 with the bearer scheme and the server URL', () => {
    expect(document.openapi).toMatch(/^3\.0\.\d$/);
    expect(document.servers).toEqual([{ url: 'https://porthole.example.test/api/v1' }]);
    expect(document.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
  });

  it('contains every operation once, with its path parameters, success response and error shape', () => {
    const seen = new Set<string>();
    for (const op of operations) {
      const key = `${op.method} ${op.path}`;
      expect(seen.has(key), `${key} is listed twice`).toBe(false);
      seen.add(key);

      const documented = operation(op.method, op.path);
      expect(documented, key).toBeDefined();
      expect(documented?.summary, key).toBe(op.summary);
      expect(documented?.tags, key).toEqual([op.tag]);

      const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(
        documented?.parameters.filter((p) => p.in === 'path').map((p) => p.name),
        key,
      ).toEqual(pathParams);

      const status = String(op.status ?? 200);
      expect(documented?.responses[status], `${key} → ${status}`).toBeDefined();
      if (op.response) expect(documented?.responses[status]?.content?.['application/json'].schema, key).toBeDefined();
      expect(propertyNames(documented?.responses.default?.content?.['application/json'].schema)).toEqual(expect.arrayContaining(['error', 'code', 'message']));
    }
    const documentedCount = Object.values(document.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
    expect(documentedCount).toBe(operations.length);
  });

  it('says where the paged lists give their total', () => {
    for (const route of ['/sessions', '/requests', '/grants'])
      expect(Object.keys(operation('get', route)?.responses['200']?.headers ?? {}), route).toEqual(['X-Total-Count']);
    expect(operation('get', '/audit')?.responses['200']?.headers).toBeUndefined();
  });

  it('documents a JSON request schema for every operation that takes a body, and query parameters', () => {
    for (const op of operations.filter((o) => o.body)) {
      const key = `${op.method} ${op.path}`;
      const body = operation(op.method, op.path)?.requestBody;
      expect(body?.required, key).toBe(true);
      const schema = body?.content['application/json'].schema;
      expect(propertyNames(schema).length, `${key} has a request schema with properties`).toBeGreaterThan(0);
    }
    for (const op of operations.filter((o) => o.query)) {
      const key = `${op.method} ${op.path}`;
      expect(
        operation(op.method, op.path)?.parameters.some((p) => p.in === 'query'),
        key,
      ).toBe(true);
    }
  });

  it('describes the core request bodies field by field', () => {
    const createUser = operation('post', '/users')?.requestBody?.content['application/json'].schema;
    expect(createUser?.required).toEqual(expect.arrayContaining(['email', 'name', 'password']));
    expect(createUser?.properties?.email).toMatchObject({ type: 'string', format: 'email' });

    const createResource = operation('post', '/resources')?.requestBody?.content['application/json'].schema;
    const variants = createResource?.oneOf ?? createResource?.anyOf ?? [];
    expect(variants.map((v) => v.properties?.type)).toEqual(
      expect.arrayContaining([expect.objectContaining({ enum: ['ssh'] }), expect.objectContaining({ enum: ['postgres'] })]),
    );

    // PATCH bodies: every field optional, nothing is reset by omission.
    for (const route of ['/users/{id}', '/resources/{id}']) {
      const patch = operation('patch', route)?.requestBody?.content['application/json'].schema;
      expect(patch?.required ?? [], route).toEqual([]);
    }

    const createToken = operation('post', '/tokens')?.requestBody?.content['application/json'].schema;
    expect(createToken?.required).toEqual(['name']);
    // Tokens expire unless asked otherwise; "never" is a documented choice (admins only).
    expect(createToken?.properties?.expiresInDays).toMatchObject({
      default: 90,
      anyOf: expect.arrayContaining([expect.objectContaining({ enum: ['never'] })]),
    });
  });

  it('never describes a credential in a response', () => {
    for (const op of operations) {
      for (const response of Object.values(operation(op.method, op.path)?.responses ?? {})) {
        const names = propertyNames(response.content?.['application/json'].schema);
        expect(names, `${op.method} ${op.path}`).not.toContain('password');
        expect(names, `${op.method} ${op.path}`).not.toContain('privateKey');
        expect(names, `${op.method} ${op.path}`).not.toContain('passwordHash');
        expect(names, `${op.method} ${op.path}`).not.toContain('credentials');
      }
    }
  });

  it('has no unresolvable $ref (OpenAPI 3.0 has no $defs)', () => {
    expect(JSON.stringify(document)).not.toMatch(/"\$ref"\s*:\s*"#\/\$defs/);
  });

  it('matches the routes: every documented operation has a route file exporting its method', () => {
    const missing = operations
      .filter((op) => {
        const file = routeFile(op.path);
        return !fs.existsSync(file) || !exportsMethod(fs.readFileSync(file, 'utf8'), op.method);
      })
      .map((op) => `${op.method.toUpperCase()} ${op.path} → ${path.relative(process.cwd(), routeFile(op.path))}`);
    expect(missing).toEqual([]);
  });

  it('matches the routes: every method a route file under app/api/v1 exports is documented', () => {
    const documented = new Set(operations.map((op) => `${op.method.toUpperCase()} ${op.path}`));
    // The catch-all 404 and the document itself are not API operations.
    const notOperations = new Set(['/{...path}', '/openapi.json']);
    const undocumented: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        if (entry.name !== 'route.ts') continue;
        const route = `/${path.relative(apiDir, dir).split(path.sep).filter(Boolean).join('/')}`.replace(/\[([.\w]+)\]/g, '{$1}');
        if (notOperations.has(route)) continue;
        const source = fs.readFileSync(full, 'utf8');
        for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
          if (exportsMethod(source, method) && !documented.has(`${method} ${route}`)) undocumented.push(`${method} ${route}`);
        }
      }
    };
    walk(apiDir);
    expect(undocumented).toEqual([]);
  });
});
