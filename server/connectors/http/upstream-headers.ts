import type { HttpTarget } from './http-target';

/**
 * Never forwarded from the client: the credential is Porthole's to inject (a client's own
 * Authorization or Cookie is dropped, not merged), Host follows the base URL, and hop-by-hop
 * headers belong to the client's connection (RFC 9110 §7.6.1). Content-Length is Node's to set.
 */
const DROPPED = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
  'content-length',
]);

/** The header that carries the injected credential, or null for `none`. */
export function credentialHeader(target: Pick<HttpTarget, 'auth' | 'credential'>): [string, string] | null {
  const { auth, credential } = target;
  switch (auth.kind) {
    case 'bearer':
      return ['authorization', `Bearer ${credential}`];
    case 'basic':
      return ['authorization', `Basic ${Buffer.from(`${auth.username}:${credential}`, 'utf8').toString('base64')}`];
    case 'header':
      return [auth.name.toLowerCase(), credential];
    case 'none':
      return null;
  }
}

/**
 * Every form the credential takes on the wire, for the masker to replace wherever it appears
 * (an upstream that echoes the request back): the secret itself and the header value carrying it.
 */
export function credentialForms(target: Pick<HttpTarget, 'auth' | 'credential'>): string[] {
  if (target.auth.kind === 'none' || target.credential === '') return [];
  const header = credentialHeader(target);
  const forms = [target.credential];
  if (header) forms.push(header[1], header[1].replace(/^(Bearer|Basic) /, ''));
  return [...new Set(forms)].filter((form) => form.length >= 4).sort((a, b) => b.length - a.length);
}

/** The client's headers as sent upstream: the dropped ones removed, then the credential injected (it wins over a same-named header). */
export function outboundHeaders(target: Pick<HttpTarget, 'auth' | 'credential'>, headers: readonly (readonly [string, string])[]): [string, string][] {
  const injected = credentialHeader(target);
  const kept = headers
    .map(([name, value]): [string, string] => [name.trim().toLowerCase(), value])
    .filter(([name]) => name !== '' && !DROPPED.has(name) && name !== injected?.[0] && /^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name));
  return injected ? [...kept, injected] : kept;
}
