import { z } from 'zod';
import { isRefusedLiteral } from '../net/checked-lookup';
import { resourceAddressCheck } from '../net/outbound-checks';

function baseUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter the base URL, e.g. https://api.internal:8443/v1';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The base URL must use https:// or http://';
  // A credential in the URL would be shown with it; a query or fragment would be glued to every request.
  if (url.username || url.password || url.search || url.hash) return 'Give the URL without credentials, query or fragment';
  const check = resourceAddressCheck();
  if (check && isRefusedLiteral(url.hostname, check)) return 'Porthole does not connect to link-local (cloud metadata) addresses';
  return undefined;
}

export const httpBaseUrl = z
  .string()
  .trim()
  .min(1, 'Enter the base URL')
  .max(2048)
  .superRefine((value, ctx) => {
    const problem = baseUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((value) => value.replace(/\/+$/, ''));

/** Header names that are Porthole's or the connection's, never a place for the credential. */
const RESERVED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'cookie', 'upgrade', 'te', 'trailer', 'keep-alive', 'expect']);

export const httpAuth = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bearer') }),
  z.object({
    kind: z.literal('basic'),
    username: z
      .string()
      .trim()
      .min(1, 'Enter the user name')
      .max(256)
      .regex(/^[^:\r\n]*$/, 'A basic-auth user name has no colon'),
  }),
  z.object({
    kind: z.literal('header'),
    name: z
      .string()
      .trim()
      .min(1, 'Enter the header name')
      .max(128)
      .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'Enter a header name, e.g. X-Api-Key')
      .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), 'This header cannot carry the credential'),
  }),
  z.object({ kind: z.literal('none') }),
]);

/** The secret Porthole injects (token, password or header value): write-only, one line. */
export const httpCredential = z
  .string()
  .max(16_384)
  .regex(/^[^\r\n\0]*$/, 'The credential is one line');

const caPem = z
  .string()
  .max(65_536)
  .refine((v) => v.trim() === '' || /-----BEGIN CERTIFICATE-----/.test(v), 'Paste the CA certificate (PEM)');

/** Certificates are verified unless the admin says otherwise (`require`: encrypted, not verified). */
export const httpTls = z.object({ mode: z.enum(['disable', 'require', 'verify-full']).default('verify-full'), ca: caPem.optional() });

/** Host and port columns, from the base URL (the columns every resource has: lists, address checks). */
export function httpHostAndPort(baseUrl: string): { host: string; port: number } {
  const url = new URL(baseUrl);
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80 };
}

/** The http branch of the resource input (common fields are added by resource-schemas). */
export const httpFields = {
  type: z.literal('http'),
  baseUrl: httpBaseUrl,
  tls: httpTls.default({ mode: 'verify-full' }),
  auth: httpAuth.default({ kind: 'bearer' }),
  credential: httpCredential.optional(),
};

/** The fields an update may change on an http resource; an absent or empty credential keeps the stored one. */
export const httpUpdateFields = {
  baseUrl: httpBaseUrl.optional(),
  auth: httpAuth.optional(),
  credential: httpCredential.optional(),
};

export function requireHttpCredential(input: { type: string; auth?: { kind: string }; credential?: string }, ctx: z.RefinementCtx): void {
  if (input.type === 'http' && input.auth?.kind !== 'none' && !input.credential) {
    ctx.addIssue({ code: 'custom', path: ['credential'], message: 'Give the credential Porthole injects (or choose no authentication)' });
  }
}
